"""Content and cue rules for frames the plain reporting-verb rule misses (PolNeAR issue 3)."""
import pytest

from test_claims import table

CASES = [
    # a cue that ends its paragraph with a colon: the next paragraph, unquoted, is what was said
    ("In a post on his blog, Ortiz wrote:\n\nThe harbor fees are too high. Something must change.\n\nThe mayor left.",
     [("indirect", "wrote", "Ortiz", "The harbor fees are too high. Something must change")]),
    ("Ortiz wrote in a long post about the harbor, the ferries and the fees that he had lost:\n\nNo one replied.",
     []),
    # a fronted "Asked ..." participle: the question is a claim whose asker goes unnamed
    ("Asked whether the ferry would run on time, the captain said yes.",
     [("indirect", "Asked", None, "the ferry would run on time"),
      ("indirect", "said", "the captain", "yes")]),
    ("When asked about the toll increase, Brandt declined to comment.",
     [("indirect", "asked", None, "the toll increase"),
      ("indirect", "declined", "Brandt", "to comment")]),
    # pressing someone on a matter, or being questioned about it, puts a question too
    ("When pressed on why the bridge closed, the engineer replied that it was unsafe.",
     [("indirect", "pressed", None, "why the bridge closed"),
      ("indirect", "replied", "the engineer", "it was unsafe")]),
    ("Reporters pressed her on her refusal to publish the audit.",
     [("indirect", "pressed", "Reporters", "her refusal to publish the audit")]),
    ("Questioned about the flooding, the mayor blamed the council.",
     [("indirect", "Questioned", None, "the flooding"),
      ("indirect", "blamed", "the mayor", "the council")]),
    # a gerund after a preposition takes its clause's subject
    ("The warden caused a stir by saying that the audit was a sham.",
     [("indirect", "saying", "The warden", "the audit was a sham")]),
    ("After saying she was cold, the hiker borrowed a coat.",
     [("indirect", "saying", "the hiker", "she was cold")]),
    # a passive clause's subject did what the gerund says; a verb chain's subject too
    ("Brandt was criticized for calling the levy a scam.",
     [("indirect", "calling", "Brandt", "the levy a scam")]),
    ("The treasurer will try to win the ward and raise funds by citing her record on roads.",
     [("indirect", "citing", "The treasurer", "her record on roads")]),
    # "called for X to do Y": a for-to clause hung as an adverbial
    ("The mayor is calling for the province to fund more ferries.",
     [("indirect", "calling", "The mayor", "the province to fund more ferries")]),
    # a gerund-led clause the parser made an xcomp
    ("She said reopening the shipyard would keep dozens of welders busy.",
     [("indirect", "said", "She", "reopening the shipyard would keep dozens of welders busy")]),
    # a relative word before the cue is not part of what was said
    ("They want a new library, which she said the county should pay for.",
     [("indirect", "said", "she", "the county should pay for")]),
    # a that-clause the parser hung on the noun of an adjunct
    ("The warden said in a letter on Friday that the quarry will close.",
     [("indirect", "said", "The warden", "the quarry will close")]),
    # a that-clause the parser made adverbial
    ("Brandt tweeted late Sunday that the warden was “a clown” and “a coward.”",
     [("mixed", "tweeted", "Brandt", "the warden was “a clown” and “a coward.")]),
    # a phrase the parser hung on the verb right after the object completes the object
    ("The dockworkers' guild endorsed Okafor in the mayoral race.",
     [("indirect", "endorsed", "The dockworkers' guild", "Okafor in the mayoral race")]),
    ("The ferry captains agreed with Brandt about the toll increase.",
     [("indirect", "agreed", "The ferry captains", "Brandt about the toll increase")]),
    ("Okafor demanded fresh funds to repair the pier.",
     [("indirect", "demanded", "Okafor", "fresh funds to repair the pier")]),
    ("The governor announced two million dollars to help the harbor towns rebuild.",
     [("indirect", "announced", "The governor", "two million dollars to help the harbor towns rebuild")]),
    # ... but not one giving the time or occasion of the act, nor one after a pronoun object
    ("The guild praised Okafor during the council debate.",
     [("indirect", "praised", "The guild", "Okafor")]),
    ("Brandt thanked the volunteers in an interview.",
     [("indirect", "thanked", "Brandt", "the volunteers")]),
    ("Brandt thanked them in person.",
     [("indirect", "thanked", "Brandt", "them")]),
    # a subordinate clause after the content, hung on the cue verb, gives the reported reason
    ("Many riders think the harbor is shrinking, partly because the shipyards moved inland.",
     [("indirect", "think", "Many riders", "the harbor is shrinking, partly because the shipyards moved inland")]),
    # what follows a colon right after the content spells it out
    ("The radio host regularly promotes a handful of odd theories: secret tunnels under the harbor, "
     "poisoned rain and a hidden second mayor.",
     [("indirect", "promotes", "The radio host", "a handful of odd theories: secret tunnels under the harbor, "
                                                 "poisoned rain and a hidden second mayor")]),
    ("Okafor hopes to win a bigger prize: a seat on the ferry board.",
     [("indirect", "hopes", "Okafor", "to win a bigger prize: a seat on the ferry board")]),
    # ... but not a new sentence after the colon
    ("The mayor named the real problem: Most voters never read the budget.",
     [("indirect", "named", "The mayor", "the real problem")]),
    # seeing, casting, painting: a judgement only with an "as" phrase
    ("Halvorsen sees the treasurer as a peacemaker.",
     [("indirect", "sees", "Halvorsen", "the treasurer as a peacemaker")]),
    ("Critics cast the toll as a gift to developers.",
     [("indirect", "cast", "Critics", "the toll as a gift to developers")]),
    ("The warden spoke about the harbor on Friday.",
     [("indirect", "spoke", "The warden", "the harbor")]),
    # a list of objects the parser split at an apposition stays one content
    ("Ortiz noted the fires, her help for flood victims and the new housing fund.",
     [("indirect", "noted", "Ortiz", "the fires, her help for flood victims and the new housing fund")]),
    # a passive cue: its subject is what was reported, its "by" agent the source
    ("The closure was reported on Sunday by a student radio station.",
     [("indirect", "reported", "a student radio station", "The closure")]),
    ("The alderman was criticized by neighbors for skipping the hearing.",
     [("indirect", "criticized", "neighbors", "The alderman")]),
    # speech a reporting verb retells is part of that report; ", saying X" is the speaker's own
    ("The ferry company said in a notice that it had offered a bonus.",
     [("indirect", "said", "The ferry company", "it had offered a bonus")]),
    ("The warden said the treasurer told her the levy was dead.",
     [("indirect", "said", "The warden", "the treasurer told her the levy was dead")]),
    ("The guild rejected the deal, saying it was too stingy.",
     [("indirect", "rejected", "The guild", "the deal"),
      ("indirect", "saying", "The guild", "it was too stingy")]),
    # a fronted clause the parser also made a complement is scene-setting; the clause after the cue is what was said
    ("In a note posted soon after the council approved the budget, Lee said she’s happy with the outcome.",
     [("indirect", "said", "Lee", "she’s happy with the outcome")]),
    ("Turnout was low because voters were tired, officials said.",
     [("indirect", "said", "officials", "Turnout was low because voters were tired")]),
    # a frame inside the clause it reports ("A, he said, B"): the subject before it is reported too
    ("The plan, the mayor said, would cost too much.",
     [("indirect", "said", "the mayor", "The plan, the mayor said, would cost too much")]),
    ("Most of the repairs, she said, have been on rural bridges.",
     [("indirect", "said", "she", "Most of the repairs, she said, have been on rural bridges")]),
    # a fronted adverbial alone is not, nor a clause joined after the frame
    ("In the end, the mayor said, the plan would fail.",
     [("indirect", "said", "the mayor", "the plan would fail")]),
    ("The plan will fail, he said, and the council agreed.",
     [("indirect", "said", "he", "The plan will fail")]),
    # a quoted word that ends the sentence inside its marks is still part of the verb's argument
    ("The senator heralded the county’s truce with the farmers as a “turning point.” The truce ends the feud.",
     [("mixed", "heralded", "The senator", "the county’s truce with the farmers as a “turning point.")]),
    # a lone quoted word inside a sentence is a scare quote or a name, not a statement
    ('"We are ready to win tonight," her cousin, county clerk Dana "Dee" Ortiz, shouted to the crowd.',
     [("direct", "shouted", "her cousin", "We are ready to win tonight,")]),
    ('The band played. Her cousin, county clerk Dana "Dee" Ortiz, shouted to the crowd.', []),
    # a poll is a source before or after its finding; trailing plural polls are the race's standing
    ("Okafor leads by six points in a recent poll.",
     [("indirect", "in", "a recent poll", "Okafor leads by six points")]),
    ("Okafor remains well ahead of Brandt in the polls.", []),
    # nothing to find: a passive cue with no "by" agent ("criticized": a cue whose passive
    # with an agent is a claim, above) and an "as"-only cue ("painted", "cast") with an agent but no "as" phrase
    ("The plan was criticized on Monday.", []),
    ("The lighthouse was painted by volunteers in 1998.", []),
    ("The bell was cast by a local foundry in 1890.", []),
    # nothing to find: no "as" phrase, no topic, an infinitive of purpose after a cue with no
    # "for" frame ("spoke ... for X to hear" is not "called for X to"), a participle cue with its own agent
    ("I see the leak.", []),
    ("Her shrug was taken as implying that the vote was lost.", []),
    ("Voters cast their ballots early.", []),
    ("The warden spoke to the guards on Friday.", []),
    ("The warden spoke loudly for the whole yard to hear.", []),
    ("Praised by donors, the candidate toured the valley.", []),
    # a question an asker puts, even where the parser made its "if" clause adverbial
    ("The clerk asked the guard if the gate was locked.",
     [("indirect", "asked", "The clerk", "the gate was locked")]),
    # "told X to", "encouraged X to": the one told and what they were told to do
    ("The warden told the guards to lock the yard.",
     [("indirect", "told", "The warden", "the guards to lock the yard")]),
    ("The mayor encouraged tenants to join the cooperative.",
     [("indirect", "encouraged", "The mayor", "tenants to join the cooperative")]),
    # what was asked or pushed for; a vote is a position taken
    ("Residents asked for a new crossing at the square.",
     [("indirect", "asked", "Residents", "a new crossing at the square")]),
    ("Farmers pushed for a lower water tariff.",
     [("indirect", "pushed", "Farmers", "a lower water tariff")]),
    ("The council voted to close the marina.",
     [("indirect", "voted", "The council", "to close the marina")]),
    ("Brandt voted against the harbour levy.",
     [("indirect", "voted", "Brandt", "the harbour levy")]),
    # a cue noun with an infinitive or a that-clause
    ("The candidate renewed her pledge to repave the ring road.",
     [("indirect", "pledge", "her", "to repave the ring road")]),
    ("The union filed a complaint that the rota was unfair.",
     [("indirect", "complaint", None, "the rota was unfair")]),
    # a headline's capitalised label before a colon, which the tagger takes for a noun
    ("Survey: Okafor leads Brandt in the valley.",
     [("indirect", ":", "Survey", "Okafor leads Brandt in the valley")]),
    # an "as" clause frames the clause it hangs on, fronted or trailing
    ("As the agency noted, the ferry fares rose by a third last year.",
     [("indirect", "noted", "the agency", "the ferry fares rose by a third last year")]),
    ("The levy carries risks, as the treasurer pointed out.",
     [("indirect", "pointed out", "the treasurer", "The levy carries risks")]),
    # a word that stands for what was said
    ("Most farmers backed the levy, and a third of the fishers said the same of the toll.",
     [("indirect", "said", "a third of the fishers", "the same of the toll")]),
    # cues that take a position only when a person or body is their subject
    ("Okafor backed the harbour levy.", [("indirect", "backed", "Okafor", "the harbour levy")]),
    ("Okafor decided to close the marina.", [("indirect", "decided", "Okafor", "to close the marina")]),
    ("The committee focused on the ferry timetable.",
     [("indirect", "focused", "The committee", "the ferry timetable")]),
    ("Brandt laid out her plan for the harbour.",
     [("indirect", "laid out", "Brandt", "her plan for the harbour")]),
    # a stance or belief adjective said of someone
    ("Okafor is wary of the harbour levy.", [("indirect", "wary", "Okafor", "the harbour levy")]),
    ("Brandt is confident that the ferry will run.",
     [("indirect", "confident", "Brandt", "the ferry will run")]),
    ("Okafor was eager to reopen the pier.", [("indirect", "eager", "Okafor", "to reopen the pier")]),
    ("Okafor was clear that the pier would stay shut.",
     [("indirect", "clear", "Okafor", "the pier would stay shut")]),
    # "urged calm": what is urged may be a noun as well as an infinitive
    ("The mayor urged calm after the flood.", [("indirect", "urged", "The mayor", "calm")]),
    # an adverb that marks its clause as hearsay, naming no one
    ("Reportedly, the mayor resigned.", [("indirect", "Reportedly", None, "the mayor resigned")]),
    # a cue noun with a prepositional content, only when someone's
    ("Okafor stepped up her attacks on the harbour levy.",
     [("indirect", "attacks", "her", "the harbour levy")]),
    # nothing to find: an adjective of a thing or before a noun, an adverb on an adjective, a raid
    ("The plan is critical of the budget.", []),
    ("The water was clear that morning.", []),
    ("A wary voter left early.", []),
    ("The reportedly large fine was paid.", []),
    ("Attacks on the port rose in March.", []),
    ("Okafor distanced herself from the harbour levy.",
     [("indirect", "distanced", "Okafor", "the harbour levy")]),
    ("The mayor hinted at a new ferry route.", [("indirect", "hinted", "The mayor", "a new ferry route")]),
    # nothing to find: a comparison, not a frame; a subject that takes no position
    ("Nobody is as wealthy as he claims.", []),
    ("The truck backed into the wall.", []),
    ("The rain focused on the hills.", []),
    ("The masons laid the bricks.", []),
    # nothing to find: a section label, a push with no "for", a vote with no motion, a story told
    ("The Latest: Ferry service resumes in the bay.", []),
    ("Farmers pushed the cart up the hill.", []),
    ("The council voted on Tuesday.", []),
    ("The warden told a long story.", []),
    # pressing on with a task, or on a thing, puts no question to anyone
    ("The crews pressed on with the repairs despite the rain.", []),
    ("She pressed on the brake and the van stopped.", []),
    # a comma-led relative clause closing the content is the writer's aside; one inside it stays
    ("The mayor said she backs the ferry plan, which adds a toll on trucks.",
     [("indirect", "said", "The mayor", "she backs the ferry plan")]),
    ("Most voters said they trust Councillor Brandt, who also won the harbour ward.",
     [("indirect", "said", "Most voters", "they trust Councillor Brandt")]),
    ("The mayor said the plan, which adds a toll, would pass.",
     [("indirect", "said", "The mayor", "the plan, which adds a toll, would pass")]),
    # a semicolon ends the reported clause
    ("Port officials said the delay was an accident; they heard of the strike only on Monday.",
     [("indirect", "said", "Port officials", "the delay was an accident")]),
    # a comma-led concession closing the content is the writer's; a reason stays in it
    ("The spring harvest, the growers said, was their best in a decade, although prices stayed low.",
     [("indirect", "said", "the growers", "The spring harvest, the growers said, was their best in a decade")]),
    ("The warden said the new fence was finished, although the gate still had no lock.",
     [("indirect", "said", "The warden", "the new fence was finished")]),
    ("The warden said the fence held because the posts were deep.",
     [("indirect", "said", "The warden", "the fence held because the posts were deep")]),
    # a bare frame right after its quotation, hung by the parser on a later cue, is not that cue's content
    ("“Is the soup hot?” she said, but Pia was staring at the sea again, and as the radio rambled about the storm, "
     "Mara said yes, yes.",
     [("direct", "said", "she", "Is the soup hot?"), ("indirect", "said", "Mara", "yes")]),
    # a clause with its own object before the cue is still the content
    ("The ferry will run late, the captain warned, Mara said.",
     [("indirect", "said", "Mara", "The ferry will run late, the captain warned")]),
    # content that opens a quotation ends with it when the quoted words close on their own punctuation
    ("The film closes on the baker saying, “Bread waits for no one,” when a customer teased him about the queue.",
     [("direct", "saying", "The film", "Bread waits for no one,")]),
    ("The clerk said that “top secret” files were found in the vault.",
     [("mixed", "said", "The clerk", "top secret” files were found in the vault")]),
    # a frame hung on a fronted subordinate clause: the main clause after the frame is reported too
    ("While the first repair was fairly quick, she said, redoing it would be much slower.",
     [("indirect", "said", "she", "While the first repair was fairly quick, she said, redoing it would be much slower")]),
    # a trailing frame after a quotation on a line of its own does not report the line before it
    ("Dana Pruitt, chair of the Orchard Board, which advises Lakeport fruit farms, said she hopes the fair sends a "
     "signal that “small growers still matter.”\n“We will plant again in April and pick again in June, whatever the "
     "sky does to us,” said Pruitt.",
     [("mixed", "said", "Dana Pruitt", "she hopes the fair sends a signal that “small growers still matter."),
      ("direct", "said", "Pruitt", "We will plant again in April and pick again in June, whatever the sky does to us,")]),
    # a that-clause the parser hung on the addressee of "told" is what was told
    ("At the fair on Sunday, Ida told a circle of cheese makers that the goats ate better in the hills "
     "than anywhere in the valley.",
     [("indirect", "told", "Ida", "the goats ate better in the hills than anywhere in the valley")]),
    ("The mayor told the story that her aunt liked.", []),
    # a cue noun as the object carries its own clause ("the claim that ...")
    ("The ministry refuted this claim that the drills were a threat.",
     [("indirect", "refuted this claim", "The ministry", "the drills were a threat")]),
    # a finite clause with its own subject and no subordinator, hung on the cue as an adverbial
    ("The coach said after the final she would not renew the lease if the rent rose.",
     [("indirect", "said", "The coach", "after the final she would not renew the lease if the rent rose")]),
    ("The mayor said hello when she arrived.", []),
    # a fragment before a closing ", he said" frame that the parser hung on the cue is what was said
    ("The choir wants loud singers. Tenors such as Ortiz, she said.",
     [("indirect", "said", "she", "Tenors such as Ortiz")]),
    ("Sorry, the mayor said.", [("indirect", "said", "the mayor", "Sorry")]),
    # a parenthetical frame the parser hung on the subject frames the subject's whole clause
    ("The risk this year, the ranger told me on Tuesday, is that the river is the lowest in memory, which makes the "
     "rafts slow.",
     [("indirect", "told", "the ranger", "The risk this year, the ranger told me on Tuesday, is that the river is the "
       "lowest in memory, which makes the rafts slow")]),
    # a quotation whose opening mark hangs on the content's last word belongs to the content
    ('The judge said she remembered thinking, "Here is the part, now and then, where you sit in the hall and the '
     'crowd just looks past you."',
     [("mixed", "said", "The judge", 'she remembered thinking, "Here is the part, now and then, where you sit in the '
       'hall and the crowd just looks past you."')]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_content_rules(extractor, text, expected):
    assert table(extractor.extract(text)) == expected
