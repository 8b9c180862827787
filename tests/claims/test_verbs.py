"""``claimx/claims/finders/verbs.py``: reporting verbs with their content (and the frames, sources and
boundaries they use).

Cases: a text and its claims as ``claim_tables.table`` gives them; ``[]``: it must find nothing.
"""
import pytest

from claim_tables import table

CASES = [
    # direct quotes, speaker after or before
    ('"We will not back down," said Senator John Smith.',
     [("reporting verb", "direct", "said", "Senator John Smith", "We will not back down,")]),
    ('Senator John Smith said, "We will not back down."',
     [("reporting verb", "direct", "said", "Senator John Smith", "We will not back down.")]),
    # a quote continued right after its attribution: one claim whose parts are the quoted
    # sentences (PolNeAR's convention, claimx's default; tests/claims/test_quotations.py has the other)
    ('"The economy is strong. Jobs are growing," the president told reporters. "We are winning."',
     [("reporting verb", "direct", "told", "the president",
       'The economy is strong. Jobs are growing," the president told reporters. "We are winning.')]),
    ('"We will win," Jones said.\n\nShe left. "Not now, not ever, not this way," she added later.',
     [("reporting verb", "direct", "said", "Jones", "We will win,"),
      ("quote", "direct", "added", "she", "Not now, not ever, not this way,")]),
    ('"We will win," Jones said on Monday.\n\n"Not now, not ever, not this way."',
     [("reporting verb", "direct", "said", "Jones", "We will win,"),
      ("floating quote", "direct", "said", "Jones", "Not now, not ever, not this way.")]),
    # a question closes its sentence; the frame after it may go on with a clause of its own
    ('“Are you coming?” Officials announced the results on Friday.',
     [("reporting verb", "indirect", "announced", "Officials", "the results")]),
    # indirect speech, content after and before the cue
    ("The minister said that the talks had failed.",
     [("reporting verb", "indirect", "said", "The minister", "the talks had failed")]),
    ("The talks had failed, the minister said.",
     [("reporting verb", "indirect", "said", "the minister", "The talks had failed")]),
    ("The company told investors on Monday that profits would fall.",
     [("reporting verb", "indirect", "told", "The company", "profits would fall")]),
    ("Smith argued that the law was unconstitutional and that it should be struck down.",
     [("reporting verb", "indirect", "argued", "Smith",
       "the law was unconstitutional and that it should be struck down")]),
    # mixed: quoted and unquoted words in one content
    ('Officials said the plan was "a disaster for families."',
     [("reporting verb", "mixed", "said", "Officials", 'the plan was "a disaster for families.')]),
    # no one named: still a claim, with no speaker mention
    ("It was reported that the factory closed.",
     [("reporting verb", "indirect", "reported", None, "the factory closed")]),
    # a verb outside the lexicon with a "whether" clause: the generic rule, as with "that"
    ("The senator pondered whether the bill would pass the chamber.",
     [("that-clause", "indirect", "pondered", "The senator", "the bill would pass the chamber")]),
    # evidence and belief
    ("Polls show that Clinton leads Trump.",
     [("reporting verb", "indirect", "show", "Polls", "Clinton leads Trump")]),
    ("Critics believe the law will hurt small businesses.",
     [("reporting verb", "indirect", "believe", "Critics", "the law will hurt small businesses")]),
    # a directive
    ("The union urged lawmakers to reject the bill.",
     [("reporting verb", "indirect", "urged", "The union", "lawmakers to reject the bill")]),
    # a relative clause does not belong to the speaker's mention
    ("The mayor, who took office in May, said taxes would rise.",
     [("reporting verb", "indirect", "said", "The mayor", "taxes would rise")]),
    # an unbalanced quote mark still gives its claim
    ('He said "this is fine.',
     [("reporting verb", "direct", "said", "He", "this is fine.")]),
    # "hopes", "hoped", "hoping": the tagger's lemma is "hop"
    ("The senator hopes that the bill will pass.",
     [("reporting verb", "indirect", "hopes", "The senator", "the bill will pass")]),
    ("The rabbit hopped over the fence.", []),
    # a belief or request reported by a speaker is the content of that speaker's claim
    ("The mayor said she thinks the budget will pass.",
     [("reporting verb", "indirect", "said", "The mayor", "she thinks the budget will pass")]),
    ("The report said officials expect the budget to pass.",
     [("reporting verb", "indirect", "said", "The report", "officials expect the budget to pass")]),
    ("Critics fear that the plan will fail.",
     [("reporting verb", "indirect", "fear", "Critics", "the plan will fail")]),
    ("The aide said the senator praised the new budget.",
     [("reporting verb", "indirect", "said", "The aide", "the senator praised the new budget")]),
    ("The senator praised the new budget.",
     [("reporting verb", "indirect", "praised", "The senator", "the new budget")]),
    # an infinitive's speaker is the subject of the verb or adjective that governs it
    ("The senator went on to discuss the budget.",
     [("reporting verb", "indirect", "discuss", "The senator", "the budget")]),
    ("The envoy came to talk about trade.",
     [("reporting verb", "indirect", "talk", "The envoy", "trade")]),
    ("The governor is determined to warn voters about the risks.",
     [("reporting verb", "indirect", "warn", "The governor", "the risks")]),
    # "appeared to suggest": the complement is the cue; a bare appearance keeps no speaker
    ("The mayor appeared to suggest that taxes would rise.",
     [("reporting verb", "indirect", "suggest", "The mayor", "taxes would rise")]),
    ("The candidate seemed ready to quit.",
     [("reporting verb", "indirect", "seemed", None, "The candidate seemed ready to quit")]),
    # what was praised or questioned is the noun phrase, not the writer's comma-led aside about it
    ("The experts praised the mayor's budget, which includes a new tax on parking.",
     [("reporting verb", "indirect", "praised", "The experts", "the mayor's budget")]),
    ("Some voters question the wisdom of backing Smith, who has never run for office.",
     [("reporting verb", "indirect", "question", "Some voters", "the wisdom of backing Smith")]),
    ("She criticized Jones, Smith and Brown for the delay.",
     [("reporting verb", "indirect", "criticized", "She", "Jones, Smith and Brown for the delay")]),
    # a title in quotation marks names a show or a book; a quoted statement in capitals is still speech
    ("Okafor said on Channel 4's “Morning Round Table” that he would stay.",
     [("reporting verb", "indirect", "said", "Okafor", "he would stay")]),
    ('“We Will Win,” the coach said.',
     [("reporting verb", "direct", "said", "the coach", "We Will Win,")]),
    # positions towards someone or something: compare, advocate, attribute
    ("The governor compared the plan to a tax hike.",
     [("reporting verb", "indirect", "compared", "The governor", "the plan to a tax hike")]),
    ("The union advocates for higher wages.",
     [("reporting verb", "indirect", "advocates", "The union", "higher wages")]),
    ("Officials attributed the delay to the storm.",
     [("reporting verb", "indirect", "attributed", "Officials", "the delay to the storm")]),
    ("The two plans compare well.", []),
    # a list hung as an apposition is not an aside
    ("The mayor praised a bold plan for parks, new bike lanes and cheaper buses.",
     [("reporting verb", "indirect", "praised", "The mayor",
       "a bold plan for parks, new bike lanes and cheaper buses")]),
    # a second speaker with a cue of their own starts a claim of their own
    ("The mayor said the budget was balanced and critics said it was not.",
     [("reporting verb", "indirect", "said", "The mayor", "the budget was balanced"),
      ("reporting verb", "indirect", "said", "critics", "it was not")]),
    ("Voters said the plan was fair, while others said it went too far.",
     [("reporting verb", "indirect", "said", "Voters", "the plan was fair"),
      ("reporting verb", "indirect", "said", "others", "it went too far")]),
    # nothing to find
    ("The sun rose over the city and the markets opened.", []),
    # declining is a position too; asking "not to be named" asks nobody anything
    ("A spokesman, who asked not to be named, declined to comment.",
     [("reporting verb", "indirect", "declined", "A spokesman", "to comment")]),
    # a cue that ends its paragraph with a colon: the next paragraph, unquoted, is what was said
    ("In a post on his blog, Ortiz wrote:\n\nThe harbor fees are too high. Something must change.\n\nThe mayor left.",
     [("reporting verb", "indirect", "wrote", "Ortiz", "The harbor fees are too high. Something must change")]),
    ("Ortiz wrote in a long post about the harbor, the ferries and the fees that he had lost:\n\nNo one replied.",
     []),
    # a fronted "Asked ..." participle: the question is a claim whose asker goes unnamed
    ("Asked whether the ferry would run on time, the captain said yes.",
     [("reporting verb", "indirect", "Asked", None, "the ferry would run on time"),
      ("reporting verb", "indirect", "said", "the captain", "yes")]),
    ("When asked about the toll increase, Brandt declined to comment.",
     [("reporting verb", "indirect", "asked", None, "the toll increase"),
      ("reporting verb", "indirect", "declined", "Brandt", "to comment")]),
    # pressing someone on a matter, or being questioned about it, puts a question too
    ("When pressed on why the bridge closed, the engineer replied that it was unsafe.",
     [("reporting verb", "indirect", "pressed", None, "why the bridge closed"),
      ("reporting verb", "indirect", "replied", "the engineer", "it was unsafe")]),
    ("Reporters pressed her on her refusal to publish the audit.",
     [("reporting verb", "indirect", "pressed", "Reporters", "her refusal to publish the audit")]),
    ("Questioned about the flooding, the mayor blamed the council.",
     [("reporting verb", "indirect", "Questioned", None, "the flooding"),
      ("reporting verb", "indirect", "blamed", "the mayor", "the council")]),
    # a gerund after a preposition takes its clause's subject
    ("The warden caused a stir by saying that the audit was a sham.",
     [("reporting verb", "indirect", "saying", "The warden", "the audit was a sham")]),
    ("After saying she was cold, the hiker borrowed a coat.",
     [("reporting verb", "indirect", "saying", "the hiker", "she was cold")]),
    # a passive clause's subject did what the gerund says; a verb chain's subject too
    ("Brandt was criticized for calling the levy a scam.",
     [("reporting verb", "indirect", "calling", "Brandt", "the levy a scam")]),
    ("The treasurer will try to win the ward and raise funds by citing her record on roads.",
     [("reporting verb", "indirect", "citing", "The treasurer", "her record on roads")]),
    # "called for X to do Y": a for-to clause hung as an adverbial
    ("The mayor is calling for the province to fund more ferries.",
     [("reporting verb", "indirect", "calling", "The mayor", "the province to fund more ferries")]),
    # a gerund-led clause the parser made an xcomp
    ("She said reopening the shipyard would keep dozens of welders busy.",
     [("reporting verb", "indirect", "said", "She", "reopening the shipyard would keep dozens of welders busy")]),
    # a relative word before the cue is not part of what was said
    ("They want a new library, which she said the county should pay for.",
     [("reporting verb", "indirect", "said", "she", "the county should pay for")]),
    # a that-clause the parser hung on the noun of an adjunct
    ("The warden said in a letter on Friday that the quarry will close.",
     [("reporting verb", "indirect", "said", "The warden", "the quarry will close")]),
    # a that-clause the parser made adverbial
    ("Brandt tweeted late Sunday that the warden was “a clown” and “a coward.”",
     [("reporting verb", "mixed", "tweeted", "Brandt", "the warden was “a clown” and “a coward.")]),
    # a phrase the parser hung on the verb right after the object completes the object
    ("The dockworkers' guild endorsed Okafor in the mayoral race.",
     [("reporting verb", "indirect", "endorsed", "The dockworkers' guild", "Okafor in the mayoral race")]),
    ("The ferry captains agreed with Brandt about the toll increase.",
     [("reporting verb", "indirect", "agreed", "The ferry captains", "Brandt about the toll increase")]),
    ("Okafor demanded fresh funds to repair the pier.",
     [("reporting verb", "indirect", "demanded", "Okafor", "fresh funds to repair the pier")]),
    ("The governor announced two million dollars to help the harbor towns rebuild.",
     [("reporting verb", "indirect", "announced", "The governor",
       "two million dollars to help the harbor towns rebuild")]),
    # ... but not one giving the time or occasion of the act, nor one after a pronoun object
    ("The guild praised Okafor during the council debate.",
     [("reporting verb", "indirect", "praised", "The guild", "Okafor")]),
    ("Brandt thanked the volunteers in an interview.",
     [("reporting verb", "indirect", "thanked", "Brandt", "the volunteers")]),
    ("Brandt thanked them in person.",
     [("reporting verb", "indirect", "thanked", "Brandt", "them")]),
    # a subordinate clause after the content, hung on the cue verb, gives the reported reason
    ("Many riders think the harbor is shrinking, partly because the shipyards moved inland.",
     [("reporting verb", "indirect", "think", "Many riders",
       "the harbor is shrinking, partly because the shipyards moved inland")]),
    # what follows a colon right after the content spells it out
    ("The radio host regularly promotes a handful of odd theories: secret tunnels under the harbor, "
     "poisoned rain and a hidden second mayor.",
     [("reporting verb", "indirect", "promotes", "The radio host",
       "a handful of odd theories: secret tunnels under the harbor, poisoned rain and a hidden second mayor")]),
    ("Okafor hopes to win a bigger prize: a seat on the ferry board.",
     [("reporting verb", "indirect", "hopes", "Okafor", "to win a bigger prize: a seat on the ferry board")]),
    # ... but not a new sentence after the colon
    ("The mayor named the real problem: Most voters never read the budget.",
     [("reporting verb", "indirect", "named", "The mayor", "the real problem")]),
    # seeing, casting, painting: a judgement only with an "as" phrase
    ("Halvorsen sees the treasurer as a peacemaker.",
     [("reporting verb", "indirect", "sees", "Halvorsen", "the treasurer as a peacemaker")]),
    ("Critics cast the toll as a gift to developers.",
     [("reporting verb", "indirect", "cast", "Critics", "the toll as a gift to developers")]),
    ("The warden spoke about the harbor on Friday.",
     [("reporting verb", "indirect", "spoke", "The warden", "the harbor")]),
    # a list of objects the parser split at an apposition stays one content
    ("Ortiz noted the fires, her help for flood victims and the new housing fund.",
     [("reporting verb", "indirect", "noted", "Ortiz",
       "the fires, her help for flood victims and the new housing fund")]),
    # a passive cue: its subject is what was reported, its "by" agent the source
    ("The closure was reported on Sunday by a student radio station.",
     [("reporting verb", "indirect", "reported", "a student radio station", "The closure")]),
    ("The alderman was criticized by neighbors for skipping the hearing.",
     [("reporting verb", "indirect", "criticized", "neighbors", "The alderman")]),
    # speech a reporting verb retells is part of that report; ", saying X" is the speaker's own
    ("The ferry company said in a notice that it had offered a bonus.",
     [("reporting verb", "indirect", "said", "The ferry company", "it had offered a bonus")]),
    ("The warden said the treasurer told her the levy was dead.",
     [("reporting verb", "indirect", "said", "The warden", "the treasurer told her the levy was dead")]),
    ("The guild rejected the deal, saying it was too stingy.",
     [("reporting verb", "indirect", "rejected", "The guild", "the deal"),
      ("reporting verb", "indirect", "saying", "The guild", "it was too stingy")]),
    # a fronted clause the parser also made a complement is scene-setting; the clause after the cue is what was said
    ("In a note posted soon after the council approved the budget, Lee said she’s happy with the outcome.",
     [("reporting verb", "indirect", "said", "Lee", "she’s happy with the outcome")]),
    ("Turnout was low because voters were tired, officials said.",
     [("reporting verb", "indirect", "said", "officials", "Turnout was low because voters were tired")]),
    # a frame inside the clause it reports ("A, he said, B"): the subject before it is reported too
    ("The plan, the mayor said, would cost too much.",
     [("reporting verb", "indirect", "said", "the mayor", "The plan, the mayor said, would cost too much")]),
    ("Most of the repairs, she said, have been on rural bridges.",
     [("reporting verb", "indirect", "said", "she", "Most of the repairs, she said, have been on rural bridges")]),
    # a fronted adverbial alone is not, nor a clause joined after the frame
    ("In the end, the mayor said, the plan would fail.",
     [("reporting verb", "indirect", "said", "the mayor", "the plan would fail")]),
    ("The plan will fail, he said, and the council agreed.",
     [("reporting verb", "indirect", "said", "he", "The plan will fail")]),
    # a lone quoted word inside a sentence is a scare quote or a name, not a statement
    ('"We are ready to win tonight," her cousin, county clerk Dana "Dee" Ortiz, shouted to the crowd.',
     [("reporting verb", "direct", "shouted", "her cousin", "We are ready to win tonight,")]),
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
     [("reporting verb", "indirect", "asked", "The clerk", "the gate was locked")]),
    # "told X to", "encouraged X to": the one told and what they were told to do
    ("The warden told the guards to lock the yard.",
     [("reporting verb", "indirect", "told", "The warden", "the guards to lock the yard")]),
    ("The mayor encouraged tenants to join the cooperative.",
     [("reporting verb", "indirect", "encouraged", "The mayor", "tenants to join the cooperative")]),
    # what was asked or pushed for; a vote is a position taken
    ("Residents asked for a new crossing at the square.",
     [("reporting verb", "indirect", "asked", "Residents", "a new crossing at the square")]),
    ("Farmers pushed for a lower water tariff.",
     [("reporting verb", "indirect", "pushed", "Farmers", "a lower water tariff")]),
    ("The council voted to close the marina.",
     [("reporting verb", "indirect", "voted", "The council", "to close the marina")]),
    ("Brandt voted against the harbour levy.",
     [("reporting verb", "indirect", "voted", "Brandt", "the harbour levy")]),
    # an "as" clause frames the clause it hangs on, fronted or trailing
    ("As the agency noted, the ferry fares rose by a third last year.",
     [("reporting verb", "indirect", "noted", "the agency", "the ferry fares rose by a third last year")]),
    ("The levy carries risks, as the treasurer pointed out.",
     [("reporting verb", "indirect", "pointed out", "the treasurer", "The levy carries risks")]),
    # a word that stands for what was said
    ("Most farmers backed the levy, and a third of the fishers said the same of the toll.",
     [("reporting verb", "indirect", "said", "a third of the fishers", "the same of the toll")]),
    # cues that take a position only when a person or body is their subject
    ("Okafor backed the harbour levy.",
     [("reporting verb", "indirect", "backed", "Okafor", "the harbour levy")]),
    ("Okafor decided to close the marina.",
     [("reporting verb", "indirect", "decided", "Okafor", "to close the marina")]),
    ("The committee focused on the ferry timetable.",
     [("reporting verb", "indirect", "focused", "The committee", "the ferry timetable")]),
    ("Brandt laid out her plan for the harbour.",
     [("reporting verb", "indirect", "laid out", "Brandt", "her plan for the harbour")]),
    # "urged calm": what is urged may be a noun as well as an infinitive
    ("The mayor urged calm after the flood.",
     [("reporting verb", "indirect", "urged", "The mayor", "calm")]),
    # nothing to find: an adjective of a thing or before a noun, an adverb on an adjective, a raid
    ("Okafor distanced herself from the harbour levy.",
     [("reporting verb", "indirect", "distanced", "Okafor", "the harbour levy")]),
    ("The mayor hinted at a new ferry route.",
     [("reporting verb", "indirect", "hinted", "The mayor", "a new ferry route")]),
    # nothing to find: a comparison, not a frame; a subject that takes no position
    ("Nobody is as wealthy as he claims.", []),
    ("The truck backed into the wall.", []),
    ("The rain focused on the hills.", []),
    ("The masons laid the bricks.", []),
    # nothing to find: a section label, a push with no "for", a vote with no motion, a story told
    ("Farmers pushed the cart up the hill.", []),
    ("The council voted on Tuesday.", []),
    ("The warden told a long story.", []),
    # pressing on with a task, or on a thing, puts no question to anyone
    ("The crews pressed on with the repairs despite the rain.", []),
    ("She pressed on the brake and the van stopped.", []),
    # a comma-led relative clause closing the content is the writer's aside; one inside it stays
    ("The mayor said she backs the ferry plan, which adds a toll on trucks.",
     [("reporting verb", "indirect", "said", "The mayor", "she backs the ferry plan")]),
    ("Most voters said they trust Councillor Brandt, who also won the harbour ward.",
     [("reporting verb", "indirect", "said", "Most voters", "they trust Councillor Brandt")]),
    ("The mayor said the plan, which adds a toll, would pass.",
     [("reporting verb", "indirect", "said", "The mayor", "the plan, which adds a toll, would pass")]),
    # a semicolon ends the reported clause
    ("Port officials said the delay was an accident; they heard of the strike only on Monday.",
     [("reporting verb", "indirect", "said", "Port officials", "the delay was an accident")]),
    # a comma-led concession closing the content is the writer's; a reason stays in it
    ("The spring harvest, the growers said, was their best in a decade, although prices stayed low.",
     [("reporting verb", "indirect", "said", "the growers",
       "The spring harvest, the growers said, was their best in a decade")]),
    ("The warden said the new fence was finished, although the gate still had no lock.",
     [("reporting verb", "indirect", "said", "The warden", "the new fence was finished")]),
    ("The warden said the fence held because the posts were deep.",
     [("reporting verb", "indirect", "said", "The warden", "the fence held because the posts were deep")]),
    # a clause with its own object before the cue is still the content
    ("The ferry will run late, the captain warned, Mara said.",
     [("reporting verb", "indirect", "said", "Mara", "The ferry will run late, the captain warned")]),
    # content that opens a quotation ends with it when the quoted words close on their own punctuation
    ("The film closes on the baker saying, “Bread waits for no one,” when a customer teased him about the queue.",
     [("reporting verb", "direct", "saying", "The film", "Bread waits for no one,")]),
    ("The clerk said that “top secret” files were found in the vault.",
     [("reporting verb", "mixed", "said", "The clerk", "top secret” files were found in the vault")]),
    # a frame hung on a fronted subordinate clause: the main clause after the frame is reported too
    ("While the first repair was fairly quick, she said, redoing it would be much slower.",
     [("reporting verb", "indirect", "said", "she",
       "While the first repair was fairly quick, she said, redoing it would be much slower")]),
    # a trailing frame after a quotation on a line of its own does not report the line before it
    ("Dana Pruitt, chair of the Orchard Board, which advises Lakeport fruit farms, said she hopes the fair sends a "
     "signal that “small growers still matter.”\n“We will plant again in April and pick again in June, whatever the "
     "sky does to us,” said Pruitt.",
     [("reporting verb", "mixed", "said", "Dana Pruitt",
       "she hopes the fair sends a signal that “small growers still matter."),
      ("reporting verb", "direct", "said", "Pruitt",
       "We will plant again in April and pick again in June, whatever the sky does to us,")]),
    # a that-clause the parser hung on the addressee of "told" is what was told
    ("At the fair on Sunday, Ida told a circle of cheese makers that the goats ate better in the hills "
     "than anywhere in the valley.",
     [("reporting verb", "indirect", "told", "Ida", "the goats ate better in the hills than anywhere in the valley")]),
    ("The mayor told the story that her aunt liked.", []),
    # a finite clause with its own subject and no subordinator, hung on the cue as an adverbial
    ("The coach said after the final she would not renew the lease if the rent rose.",
     [("reporting verb", "indirect", "said", "The coach",
       "after the final she would not renew the lease if the rent rose")]),
    ("The mayor said hello when she arrived.", []),
    # a fragment before a closing ", he said" frame that the parser hung on the cue is what was said
    ("The choir wants loud singers. Tenors such as Ortiz, she said.",
     [("reporting verb", "indirect", "said", "she", "Tenors such as Ortiz")]),
    ("Sorry, the mayor said.",
     [("reporting verb", "indirect", "said", "the mayor", "Sorry")]),
    # a parenthetical frame the parser hung on the subject frames the subject's whole clause
    ("The risk this year, the ranger told me on Tuesday, is that the river is the lowest in memory, which makes the "
     "rafts slow.",
     [("reporting verb", "indirect", "told", "the ranger",
       "The risk this year, the ranger told me on Tuesday, is that the river is the lowest in memory, which makes "
       "the rafts slow")]),
    # a quotation whose opening mark hangs on the content's last word belongs to the content
    ('The judge said she remembered thinking, "Here is the part, now and then, where you sit in the hall and the '
     'crowd just looks past you."',
     [("reporting verb", "mixed", "said", "The judge",
       'she remembered thinking, "Here is the part, now and then, where you sit in the hall and the crowd just looks '
       'past you."')]),
    # a frame after a quotation: only when the quotation runs on into it with a comma;
    # the next sentence after a full stop is narration, and the quote stays the last speaker's
    ('Smith said the talks were over. "We are done for good now." Prices fell.',
     [("reporting verb", "indirect", "said", "Smith", "the talks were over"),
      ("floating quote", "direct", "said", "Smith", "We are done for good now.")]),
    # a capitalised word before a dash is a dateline only when it opens its line
    ("The NAACP -- the oldest civil rights group -- said the law was unfair.",
     [("reporting verb", "indirect", "said", "The NAACP", "the law was unfair")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] or "empty" for c in CASES])
def test_verbs(extractor, text, expected):
    assert table(extractor.extract(text)) == expected
