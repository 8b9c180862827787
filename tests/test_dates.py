"""The claimx_dates component on the real spaCy model."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc

from claimx.pipeline import build_pipeline

SEED_ARTICLE = Path("/work/shared/articles/geneva-talks.txt")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def dates(nlp, text, published="2021-12-29"):
    doc = nlp.make_doc(text)
    doc._.claimx_published = published
    return nlp(doc)._.claimx_dates


def summary(found):
    return [(d["text"], d["type"], d["value"], d["mod"]) for d in found]


def text_values(found):
    return [(d["text"], d["value"]) for d in found]


@pytest.mark.parametrize("text, published, expected", [
    ("The talks will be held in Geneva on January 10 next year, the agency reported on the 28th (local time).",
     "2021-12-29",
     [("January 10 next year", "DATE", "2022-01-10", None), ("the 28th", "DATE", "2021-12-28", None)]),
    ("The ministers met in June. They will meet again on the 12th.", "2021-12-29",
     [("June", "DATE", "2021-06", None), ("the 12th", "DATE", "2022-01-12", None)]),
    ("Talks are scheduled for January 13. He said the talks will proceed on the 10th.", "2021-12-29",
     [("January 13", "DATE", "2022-01-13", None), ("the 10th", "DATE", "2022-01-10", None)]),
    ("It is impossible to reach an agreement in one day.", "2021-12-29", [("one day", "DURATION", "P1D", None)]),
    ("Russia's New Year holiday is January 1-9.", "2021-12-29", [("January 1-9", "DATE", "2022-01-01", None)]),
    ("They say Russia is preparing to invade early next year.", "2021-12-29",
     [("early next year", "DATE", "2022", "START")]),
    ("Putin raised it on the 7th, and on the 15th the ministry submitted a draft.", "2021-12-29",
     [("the 7th", "DATE", "2021-12-07", None), ("the 15th", "DATE", "2021-12-15", None)]),
    ("Stocks fell sharply Friday.", "1989-10-30", [("Friday", "DATE", "1989-10-27", None)]),
    ("The company will report its earnings Friday.", "1989-10-30", [("Friday", "DATE", "1989-11-03", None)]),
    ("Net income rose 10% in the third quarter.", "1989-10-26", [("the third quarter", "DATE", "1989-Q3", None)]),
    ("The plant will close for two weeks.", "1998-02-13", [("two weeks", "DURATION", "P2W", None)]),
    ("The board meets every Monday.", "1998-02-13", [("every Monday", "SET", "XXXX-WXX-1", None)]),
    ("He is now retired.", "1998-02-13", [("now", "DATE", "PRESENT_REF", None)]),
    ("The polls closed at 10 p.m. Wednesday.", "1998-02-13",
     [("10 p.m. Wednesday", "TIME", "1998-02-11T22:00", None)]),
    ("The strike began last week and could end this weekend.", "1998-03-01T14:11",
     [("last week", "DATE", "1998-W08", None), ("this weekend", "DATE", "1998-W09-WE", None)]),
    ("May said the plan would work.", "2019-01-10", []),
    ("The league said its final was set for April.", "2003-03-14", [("April", "DATE", "2003-04", None)]),
    ("The league said its final was played in May.", "2003-03-14", [("May", "DATE", "2002-05", None)]),
    ("Crime in the city has fallen over the past decade.", "2004-05-02",
     [("the past decade", "DURATION", "P10Y", None)]),
    ("The bakery opened last fall in a former bank.", "2003-06-07", [("last fall", "DATE", "2002-FA", None)]),
    ("The last fall in prices came in a quiet market.", "2003-06-07", []),
    ("Analysts doubt the trend will hold in coming quarters, as it did in past years.", "2003-06-07",
     [("coming quarters", "DATE", "FUTURE_REF", None), ("past years", "DATE", "PAST_REF", None)]),
    ("Planners say the town will one day host the games.", "2003-06-07", [("one day", "DATE", "FUTURE_REF", None)]),
    ("The town will host the games for one day.", "2003-06-07", [("one day", "DURATION", "P1D", None)]),
    ("Pilgrims arrived when Easter week started.", "2005-03-21", [("Easter week", "DATE", "2005-W12", None)]),
    ("Shops stay open over Easter weekend.", "2005-03-21", [("Easter", "DATE", "2005-03-27", None)]),
    ("Malaysia said on Monday it would act.", "1997-04-02", [("Monday", "DATE", "1997-03-31", None)]),
    ("The offer was extended to Nov. 20.", "1989-11-02", [("Nov. 20", "DATE", "1989-11-20", None)]),
    ("It has not traded since Jan. 13.", "1998-03-06", [("Jan. 13", "DATE", "1998-01-13", None)]),
    ("Copper slid back from the peak it reached on Aug. 6.", "1998-02-06", [("Aug. 6", "DATE", "1997-08-06", None)]),
    ("The shares will resume trading in Paris Tuesday.", "1989-10-27", [("Tuesday", "DATE", "1989-10-31", None)]),
    ("The airline will add 500 seats a week and rooms cost $40 a night.", "1998-02-13", []),
    ("Until Thursday, the police had not named a suspect.", "1999-05-07",
     [("Thursday", "DATE", "1999-05-06", None)]),
    ("By Tuesday, twelve states had sent their reports.", "1990-08-16", [("Tuesday", "DATE", "1990-08-14", None)]),
    ("The report is due by Tuesday.", "1990-08-16", [("Tuesday", "DATE", "1990-08-21", None)]),
    ("Profit rose 5% in the third quarter from a year earlier. For the nine months, profit rose 8% from a year "
     "earlier.", "1989-10-26",
     [("the third quarter", "DATE", "1989-Q3", None), ("a year earlier", "DATE", "1988-Q3", None),
      ("the nine months", "DURATION", "P9M", None), ("a year earlier", "DATE", "1988", None)]),
    ("The brewer reported a decline in fourth-quarter earnings. Sales in the latest period were flat.", "1989-11-02",
     [("fourth-quarter", "DATE", "1989-Q4", None), ("the latest period", "DATE", "1989-Q4", None)]),
    ("The brewer expects fourth-quarter earnings to fall. Sales in the latest period were flat.", "1989-11-02",
     [("fourth-quarter", "DATE", "1989-Q4", None), ("the latest period", "DATE", "1989-Q3", None)]),
    ("Rents stayed flat in the last half of the '80s.", "1989-10-26", [("the last half of the '80s", "DATE", "198", "END")]),
    ("Output grew at the end of the 1970s.", "1989-10-26", [("the end of the 1970s", "DATE", "197", "END")]),
    ("Profit rose in the first half of 1990.", "1989-10-26", [("the first half of 1990", "DATE", "1990-H1", None)]),
    ("For the quarter a year earlier, the bank earned $5 million.", "1989-10-26",
     [("the quarter a year earlier", "DATE", "1988-Q3", None)]),
    ("A week or so ago, the general chose the day.", "1991-02-25", [("A week or so ago", "DATE", "1991-W08", None)]),
    ("The board declared a dividend, payable Dec. 15 to holders of record Nov. 17.", "1989-10-26",
     [("Dec. 15", "DATE", "1989-12-15", None), ("Nov. 17", "DATE", "1989-11-17", None)]),
    ("The mayor shrugged off warnings from the union on Thursday that the strike could spread to the docks.", "1998-02-13",
     [("Thursday", "DATE", "1998-02-12", None)]),
    ("He said on Thursday that the strikes could widen the war.", "1998-02-13",
     [("Thursday", "DATE", "1998-02-12", None)]),
    ("The ferry permit had been due to lapse Friday evening.", "1989-10-30",
     [("Friday evening", "TIME", "1989-10-27TEV", None)]),
    ("The offer is due to expire Friday.", "1989-10-30", [("Friday", "DATE", "1989-11-03", None)]),
    ("Builders blamed current market conditions.", "1989-10-30", [("current", "DATE", "PRESENT_REF", None)]),
    ("Holders may buy shares at the then current price.", "1989-10-30", [("then current", "DATE", "PAST_REF", None)]),
    ("Sales in the current quarter will fall.", "1989-10-30", [("the current quarter", "DATE", "1989-Q4", None)]),
    ("The bridge shook at 11:20 a.m. (0820 GMT) Friday.", "1998-08-08",
     [("11:20 a.m. (0820 GMT) Friday", "TIME", "1998-08-07T11:20", None)]),
    ("Polls close at 8 p.m. (0100 GMT).", "1998-08-08", [("8 p.m. (0100 GMT)", "TIME", "1998-08-08T20:00", None)]),
    ("The day before last Tuesday's hearing, he visited the house.", "2000-02-24",
     [("The day before last Tuesday's", "DATE", "2000-02-21", None)]),
    ("Sales slumped in the week after Christmas.", "2000-02-24", [("the week after Christmas", "DATE", "1999-W52", None)]),
    ("Shares peaked the day before Oct. 13 and fell the day after.", "1989-10-30",
     [("the day before Oct. 13", "DATE", "1989-10-12", None), ("the day after", "DATE", "1989-10-13", None)]),
    ("The day before 1990 began, they left.", "1989-10-30", [("The day before 1990", "DATE", None, None)]),
    ("Lawyers left their third day-long meeting.", "2000-04-03", [("day-long", "DURATION", "P1D", None)]),
    ("It deepened a decades-long feud.", "2000-04-03", [("decades-long", "DURATION", "PXY", None)]),
    ("The long day ended.", "2000-04-03", []),
    ("Net rose 5% in the third quarter. Sales for last year's quarter were $3 million.", "1989-11-01",
     [("the third quarter", "DATE", "1989-Q3", None), ("last year's quarter", "DATE", "1988-Q3", None)]),
    ('Baker said on the program "This Week" that talks had failed.', "1990-08-13", []),
    ('"This week we will decide," he said.', "1990-08-13", [("This week", "DATE", "1990-W33", None)]),
    ("Women's Day falls on Sunday, March eighth.", "1998-03-05", [("Sunday, March eighth", "DATE", "1998-03-08", None)]),
    ("In June second-quarter sales rose.", "1998-08-05",
     [("June", "DATE", "1998-06", None), ("second-quarter", "DATE", "1998-Q2", None)]),
    ("The bakery hopes to reopen in the second half of the year.", "2013-03-14",
     [("the second half of the year", "DATE", "2013-H2", None)]),
    ("Sales will rise in the second half of next year.", "2013-03-14",
     [("the second half of next year", "DATE", "2014-H2", None)]),
    ("The port town doubled in size in the first half of the 20th century.", "2013-03-14",
     [("the first half of the 20th century", "DATE", "19", "START")]),
    ("The economy grew 2 percent in the April-June quarter.", "2013-03-14",
     [("the April-June quarter", "DATE", "2012-Q2", None)]),
    ("Exports fell in the May-July period.", "2013-03-14", [("the May-July period", "DATE", "2012-05", None)]),
    ("Trading closed at 3:30 p.m. ET on Monday.", "2013-03-14",
     [("3:30 p.m. ET on Monday", "TIME", "2013-03-11T15:30", None)]),
    ("Net rose in the third quarter, up from the corresponding period last year.", "1989-11-01",
     [("the third quarter", "DATE", "1989-Q3", None), ("the corresponding period last year", "DATE", "1988-Q3", None)]),
    ("In the third quarter last year, the mill was idle.", "1989-11-01",
     [("the third quarter last year", "DATE", "1988-Q3", None)]),
    ("The report covers the period from 2001 to 2005.", "2013-03-14",
     [("2001", "DATE", "2001", None), ("2005", "DATE", "2005", None)]),
    ("The city has recovered over the past three years, and talks lasted over a week.", "2013-03-14",
     [("the past three years", "DURATION", "P3Y", None), ("over a week", "DURATION", "P1W", "MORE_THAN")]),
    ("Brokers said clients were likely to sell the bonds as soon as the market reopened Monday.", "1989-11-01",
     [("Monday", "DATE", "1989-11-06", None)]),
    ("He left before the meeting began Monday.", "1989-11-01", [("Monday", "DATE", "1989-10-30", None)]),
    ("He said he would decide once the results came in Friday.", "2013-03-14", [("Friday", "DATE", "2013-03-15", None)]),
    ("Profit rose in the third quarter.\n\nThe chairman spoke.\n\nHe was upbeat.\n\nOil prices were higher than a "
     "year ago.", "1989-10-26", [("the third quarter", "DATE", "1989-Q3", None), ("a year ago", "DATE", "1988-Q3", None)]),
    ("Shares closed lower Friday.\n\nTraders blamed the pound.\n\nThe index fell 4.5% from the previous Friday.",
     "1989-10-30", [("Friday", "DATE", "1989-10-27", None), ("the previous Friday", "DATE", "1989-10-20", None)]),
    ("The index fell 4.5% from the previous Friday.", "1989-10-30", [("the previous Friday", "DATE", "1989-10-27", None)]),
    ("The stock's high for the year: $42 in June, up from $29 in March.", "1989-10-30",
     [("the year", "DATE", "1989", None), ("June", "DATE", "1989-06", None), ("March", "DATE", "1989-03", None)]),
    ("Sales: up in December, down in January.", "1998-02-10",
     [("December", "DATE", "1997-12", None), ("January", "DATE", "1998-01", None)]),
    ("Profit climbed in the third quarter from the year-ago quarter. In the first nine months, profit reached $30 million, "
     "against a loss in the 1988 period. Year-earlier results included a charge. The latest period was calm.",
     "1989-11-02",
     [("the third quarter", "DATE", "1989-Q3", None), ("the year-ago quarter", "DATE", "1988-Q3", None),
      ("the first nine months", "DURATION", "P9M", None), ("the 1988 period", "DATE", "1988", None),
      ("Year-earlier", "DATE", "1988", None), ("The latest period", "DATE", "1989-Q3", None)]),
    ("Profit in the year-earlier nine months was helped by a land sale.", "1989-10-26",
     [("the year-earlier nine months", "DURATION", "P9M", None)]),
    ("The panel will deliver its findings within a year.", "1998-02-27",
     [("within a year", "DURATION", "P1Y", "EQUAL_OR_LESS")]),
    ("Earnings for the fiscal year will fall; sales were $6 billion in the latest fiscal year.", "1989-11-02",
     [("the fiscal year", "DATE", "1989", None), ("the latest fiscal year", "DATE", "1988", None)]),
    ("For the year ended Sept. 30, net income rose.", "1989-10-30",
     [("the year", "DURATION", "P1Y", None), ("Sept. 30", "DATE", "1989-09-30", None)]),
    ("He served in the 4th Infantry and saw the 20th century end.", "2019-01-10",
     [("the 20th century", "DATE", "19", None)]),
    # An unnumbered quarter dated by its last day is the calendar quarter holding most of its months.
    ("In the quarter ended July 31, the chain lost money.", "1989-10-30",
     [("the quarter", "DATE", "1989-Q2", None), ("July 31", "DATE", "1989-07-31", None)]),
    ("Sales rose in the latest period ended Aug. 26.", "1989-10-30",
     [("the latest period", "DATE", "1989-Q3", None), ("Aug. 26", "DATE", "1989-08-26", None)]),
    ("For the quarter ended Jan. 31, net fell.", "1989-03-02",
     [("the quarter", "DATE", "1988-Q4", None), ("Jan. 31", "DATE", "1989-01-31", None)]),
    ("The fourth quarter ended June 30 was weak.", "1989-10-30",
     [("The fourth quarter", "DATE", "1989-Q4", None), ("June 30", "DATE", "1989-06-30", None)]),
    ("In the quarter, sales fell.", "1989-10-30", [("the quarter", "DATE", "1989-Q3", None)]),
    # A period that "ended" is over: the day it ended on is not after publication; "ending" may still run.
    ("For the year ended Nov. 15, net rose.", "1989-10-27",
     [("the year", "DURATION", "P1Y", None), ("Nov. 15", "DATE", "1988-11-15", None)]),
    ("The co-op sees its surplus in the year ending Nov. 30 shrinking.", "1989-10-27",
     [("the year", "DURATION", "P1Y", None), ("Nov. 30", "DATE", "1989-11-30", None)]),
    ("Talks on Monday ended Oct. 31.", "1989-10-23",
     [("Monday", "DATE", "1989-10-23", None), ("Oct. 31", "DATE", "1989-10-31", None)]),
    ("In the year-ago quarter, its second quarter ended Oct. 31, the chain lost money.", "1989-10-27",
     [("the year-ago quarter", "DATE", "1988-Q3", None), ("its second quarter", "DATE", "1988-Q2", None),
      ("Oct. 31", "DATE", "1988-10-31", None)]),
    # A numbered quarter in apposition to a quarter restates it, so takes its year; not beside a month.
    ("In the year-ago quarter, its second quarter, the company lost money. Results for that quarter reflected "
     "a charge.", "1989-10-27",
     [("the year-ago quarter", "DATE", "1988-Q3", None), ("its second quarter", "DATE", "1988-Q2", None),
      ("that quarter", "DATE", "1988-Q2", None)]),
    ("Sales fell in June of last year, the second quarter's weakest month.", "1989-10-27",
     [("June of last year", "DATE", "1988-06", None), ("the second quarter", "DATE", "1989-Q2", None)]),
    # A negated "could" is an ability that failed, so the day is past; a plain "could" still looks ahead.
    ("Neither the mayor nor his aides could be located Wednesday.", "2000-01-06",
     [("Wednesday", "DATE", "2000-01-05", None)]),
    ("The spokeswoman could not be reached for comment Tuesday.", "2000-01-06",
     [("Tuesday", "DATE", "2000-01-04", None)]),
    ("No official could be reached Tuesday.", "2000-01-06", [("Tuesday", "DATE", "2000-01-04", None)]),
    ("Officials couldn't say Monday whether the port would open.", "2000-01-06",
     [("Monday", "DATE", "2000-01-03", None)]),
    ("The vote could come Tuesday.", "2000-01-06", [("Tuesday", "DATE", "2000-01-11", None)]),
    ("The law could not take effect until Friday.", "2000-01-06", [("Friday", "DATE", "2000-01-07", None)]),
    ("He said he could not attend Friday's meeting.", "2000-01-06", [("Friday's", "DATE", "2000-01-07", None)]),
    # "soon" counts from its own clause: in a past one it is no future reference; with a future verb it is.
    ("The clerk was taken to a clinic. He was soon released.", "2000-02-24", []),
    ("The trickle of letters soon became a flood.", "2000-02-24", []),
    ("The union plans to strike again soon.", "2000-02-24", [("soon", "DATE", "FUTURE_REF", None)]),
    ("Officials said the bridge would soon reopen.", "2000-02-24", [("soon", "DATE", "FUTURE_REF", None)]),
    # "high noon" is an idiom or a title; plain noon is a time.
    ("For the growers of Arlen, high noon has arrived.", "2000-02-24", []),
    ("Critics likened the vote to a scene from High Noon.", "2000-02-24", []),
    ("The crowd gathered at noon on Friday.", "2000-02-24", [("noon on Friday", "TIME", "2000-02-18T12:00", None)]),
    # A month with a capitalized "for ..." after it names an event; "in March for two days" is the month.
    ("Crowds joined the annual March for Peace in Dayton.", "2000-02-24", []),
    ("The envoys met in March for two days.", "2000-02-24",
     [("March", "DATE", "2000-03", None), ("two days", "DURATION", "P2D", None)]),
])
def test_component_finds_and_resolves(nlp, text, published, expected):
    assert summary(dates(nlp, text, published)) == expected


def test_appositive_anchors_to_the_date_before_its_host(nlp):
    found = dates(nlp, "Talks will begin on January 10 next year. Talks with NATO are scheduled to take place "
                       "on January 12 next year, two days later, and talks with the OSCE on January 13.")
    assert summary(found)[:3] == [("January 10 next year", "DATE", "2022-01-10", None),
                                  ("January 12 next year", "DATE", "2022-01-12", None),
                                  ("two days later", "DATE", "2022-01-12", None)]
    assert found[2]["anchor"] == 0


def test_anaphora_of_an_undated_event_stay_null_with_a_reason(nlp):
    text = ("Officials said the talks would take place on January 10.\n\n"
            "In an interview on the same day, the minister described the plans.\n\n"
            "His deputy said in an interview the day before that he would lead the team.")
    found = dates(nlp, text)
    assert [d["text"] for d in found] == ["January 10", "the same day", "the day before"]
    assert found[0]["value"] == "2022-01-10"
    for anaphor in found[1:]:
        assert anaphor["value"] is None and anaphor["reason"]


def test_relative_dates_stay_null_without_publication_date(nlp):
    found = dates(nlp, "The talks ended on Friday, as planned on April 6, 1994.", published=None)
    assert [(d["text"], d["value"]) for d in found] == [("Friday", None), ("April 6, 1994", "1994-04-06")]
    assert found[0]["reason"]


def test_dateline_stands_in_for_a_missing_publication_date(nlp):
    found = dates(nlp, "KUALA LUMPUR, April 1, 1997 (AFP) - Malaysia said on Monday it would act.", published=None)
    assert [(d["text"], d["value"]) for d in found] == [("April 1, 1997", "1997-04-01"), ("Monday", "1997-03-31")]


@pytest.mark.parametrize("text, published, expected", [
    # four digits and a clock word are a time, not a year
    ("Offers must arrive at 1530 hrs EDT on Friday.", "1987-10-21", [("1530 hrs EDT on Friday", "TIME", "1987-10-23T15:30")]),
    ("The ferry leaves at 1845 hrs local time (0945 gmt).", "1987-03-17",
     [("1845 hrs local time (0945 gmt)", "TIME", "1987-03-17T18:45")]),
    ("The mill was built in 1530 and rebuilt in 1890.", "1987-03-17", [("1530", "DATE", "1530"), ("1890", "DATE", "1890")]),
    # a newspaper is no recurrence: "the daily Al-Hadaf", "the party daily said", "Corran Daily"
    ("The minister spoke to the emirate's daily Al-Hadaf.", "1987-03-17", []),
    ("The party daily said losses were heavy.", "1987-03-17", []),
    ("The Kessel daily al-Rayan said prices fell.", "1987-03-17", []),
    ("Prices rose, the Corran Daily said.", "1987-03-17", []),
    ("The Socialist Party daily Tribuna attacked the plan.", "1987-03-17", []),
    ("The Labour Party daily Vanguarda compared the strike with a siege.", "1987-03-17", []),
    # ... but a rate, a frequency or a daily paper's appearing is
    ("Output rose to 40,000 barrels daily.", "1987-03-17", [("daily", "SET", "P1D")]),
    ("The weekly Treasury bill rate fell.", "1987-03-17", [("weekly", "SET", "P1W")]),
    ("Daily output rose.", "1987-03-17", [("Daily", "SET", "P1D")]),
    ("Trains run daily to Leeds.", "1987-03-17", [("daily", "SET", "P1D")]),
    ("The coupon falls due on April 10 annually.", "1987-03-20", [("April 10", "DATE", "1987-04-10"),
                                                                  ("annually", "SET", "P1Y")]),
])
def test_clock_times_and_newspapers(nlp, text, published, expected):
    assert [(d["text"], d["type"], d["value"]) for d in dates(nlp, text, published)] == expected


@pytest.mark.parametrize("text, published, expected", [
    # a present tense that tells of the future: in a clause of condition or time, after "due", a bare infinitive
    ("Even if the junta lets Monday pass without a launch, tension will stay high.", "2021-12-26",
     [("Monday", "2021-12-27")]),
    ("Analysts said the audit is due Monday.", "2021-12-23", [("Monday", "2021-12-27")]),
    ("Dealing will resume when the bourse reopens Tuesday.", "2021-12-23", [("Tuesday", "2021-12-28")]),
    # ... but not a past one, nor a present with no such word
    ("The audit was due Monday.", "2021-12-23", [("Monday", "2021-12-20")]),
    ("If prices rose on Monday, nobody noticed.", "2021-12-23", [("Monday", "2021-12-20")]),
    ("When the bourse reopened Tuesday, prices fell.", "2021-12-23", [("Tuesday", "2021-12-21")]),
])
def test_present_tense_with_future_meaning(nlp, text, published, expected):
    assert text_values(dates(nlp, text, published)) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a month alone is the one nearest publication: the tense of a clause it is no time of does not move it
    ("Analysts said June shipments would rise.", "1987-04-07", [("June", "1987-06")]),
    ("Millfield bought July at a premium.", "1987-04-07", [("July", "1987-07")]),
    ("Rates will be under those of the auction in late February.", "1987-03-05",
     [("late February", "1987-02")]),
    ("The Kessel Electric January rate case will stay before the board.", "1987-03-11", [("January", "1987-01")]),
    # ... unless its own clause places it: a past report of a month still to come, a future one of a month gone
    ("Exports rose in June, the ministry said.", "1987-04-07", [("June", "1986-06")]),
    ("The ministers will meet again in February.", "1987-04-07", [("February", "1988-02")]),
    ("Orton will double its flights to Perth by August.", "1998-02-13", [("August", "1998-08")]),
    # six months either way: the past one, as news tells what happened
    ("Putin and Biden met for the first time in June.", "2021-12-29", [("June", "2021-06")]),
    # a month given its year is not the one a reader takes, so the next month alone does not follow it
    ("Sales beat those of March 1986, and retail sales in January fell.", "1987-03-12",
     [("March 1986", "1986-03"), ("January", "1987-01")]),
    # a span's last month is the first such month from its first
    ("Sales climbed in the January to July half.", "1987-10-19", [("January", "1987-01"), ("July", "1987-07")]),
    ("The 1986/87 harvest (November/May) may reach 210,000 bales.", "1987-02-02",
     [("November", "1986-11"), ("May", "1987-05")]),
    ("Prices rose in May and fell in March.", "1987-06-02", [("May", "1987-05"), ("March", "1987-03")]),
    # a day written as a word after its month, but not a number of things
    ("Holders on the books at July six get the payout.", "1987-06-01", [("July six", "1987-07-06")]),
    ("Hallam will buy back its notes on May Eight.", "1987-03-25", [("May Eight", "1987-05-08")]),
    ("In May two analysts cut their forecasts.", "1987-06-02", [("May", "1987-05")]),
    ("In June one of the plants will close.", "1987-03-05", [("June", "1987-06")]),
])
def test_month_alone_is_the_nearest_unless_its_clause_says_otherwise(nlp, text, published, expected):
    assert text_values(dates(nlp, text, published)) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a dateline dated a day after the stamp: its day is the story's today, and the anchor is the dateline's date
    ("OSLO, May 6 - The krone ended firmer today after it slipped on Tuesday.", "1992-05-05",
     [("May 6", "1992-05-06", None), ("today", "1992-05-06", 0), ("Tuesday", "1992-05-05", 0)]),
    ("LIMA, Sept 3 (Andes Wire) - Bus drivers walked out yesterday.", "1991-09-04",
     [("Sept 3", "1991-09-03", None), ("yesterday", "1991-09-02", 0)]),
    # the same day as the stamp, or days away from it: publication stays the anchor
    ("OSLO, May 5 - The krone ended firmer today.", "1992-05-05", [("May 5", "1992-05-05", None),
                                                                   ("today", "1992-05-05", None)]),
    ("OSLO, May 9 - The krone ended firmer today.", "1992-05-05", [("May 9", "1992-05-09", None),
                                                                   ("today", "1992-05-05", None)]),
    # a date in the first sentence is no dateline
    ("The krone ended firmer on May 6 after a quiet day yesterday.", "1992-05-05",
     [("May 6", "1992-05-06", None), ("yesterday", "1992-05-04", None)]),
])
def test_dateline_day_is_the_anchor_of_deictic_days(nlp, text, published, expected):
    assert [(d["text"], d["value"], d["anchor"]) for d in dates(nlp, text, published)] == expected


def test_results_are_plain_data_and_spans_match(nlp):
    doc = nlp.make_doc("Talks ended on January 12th and 13th, a week after the summit.")
    doc._.claimx_published = "2022-01-20"
    doc = nlp(doc)
    found = doc._.claimx_dates
    assert json.loads(json.dumps(found)) == found
    assert [(s.start_char, s.end_char) for s in doc.spans["claimx_dates"]] == [(d["start"], d["end"]) for d in found]
    assert all(doc.text[d["start"]:d["end"]] == d["text"] for d in found)
    assert found[0]["values"] == ["2022-01-12", "2022-01-13"] and found[0]["values_kind"] == "list"
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.claimx_dates == found


@pytest.mark.parametrize("text, values, kind", [
    ("Russia's holiday is January 1-9.", ["2022-01-01", "2022-01-09"], "range"),
    ("The fair runs January 10 through 14.", ["2022-01-10", "2022-01-14"], "range"),
    ("Talks were held on January 12 and 13.", ["2022-01-12", "2022-01-13"], "list"),
    ("They meet on the 3rd or the 4th.", ["2022-01-03", "2022-01-04"], "list"),
    # every separator of models/temporal/day_separators.tsv works after an ordinal too
    ("The fair runs from the 10th through the 14th.", ["2022-01-10", "2022-01-14"], "range"),
    ("The fair runs from the 10th to the 14th.", ["2022-01-10", "2022-01-14"], "range"),
])
def test_lists_and_ranges_of_days_say_which_they_are(nlp, text, values, kind):
    found = dates(nlp, text, "2022-01-02")
    assert (found[0]["values"], found[0]["values_kind"]) == (values, kind)


def test_a_single_day_has_no_values(nlp):
    assert "values" not in dates(nlp, "Talks were held on January 12.")[0]


@pytest.mark.skipif(not SEED_ARTICLE.is_file(), reason="shared seed article not available")
def test_seed_article_dates(nlp):
    found = dates(nlp, SEED_ARTICLE.read_text(encoding="utf-8"))
    values = {}
    for d in found:
        values.setdefault(d["text"], []).append(d["value"])
    assert values["January 10 next year"] == ["2022-01-10"] * 4
    assert values["two days later"] == ["2022-01-12"]
    assert values["the 28th"] == ["2021-12-28"]
    assert values["the 10th"] == ["2022-01-10"] and values["the 12th"] == ["2022-01-12"]
    assert values["June"] == ["2021-06"] and values["January 1-9"] == ["2022-01-01"]
    assert values["the same day"] == [None] and values["the day before"] == [None]
    assert values["the 7th"] == ["2021-12-07"] and values["the 15th"] == ["2021-12-15"]
    assert values["early next year"] == ["2022"]
