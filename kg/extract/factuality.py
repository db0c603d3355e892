"""How the text puts a claim forward: asserted, reported, denied, negated or hypothetical."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import lexicon
from kg.extract.syntax import children, grammatical_subjects
from kg.types import Factuality

# Modals of possibility, obligation and the future: what they govern has not (yet) happened.
HEDGING_MODALS = {"may", "might", "could", "would", "should", "will", "shall", "'ll", "wo", "must"}
# "X hopes / plans / agreed / is set to DO Y": Y is wished, planned or promised, not done. ("going to"
# only as the future: "went on to win" happened.)
IRREALIS_VERBS = {
    "want", "hope", "plan", "aim", "seek", "try", "attempt", "intend", "agree", "promise", "vow", "pledge",
    "threaten", "expect", "need", "wish", "offer", "propose", "prepare", "set", "aspire", "bid", "look",
    "prefer", "like", "love", "mean", "have", "decide", "choose", "due", "likely", "keen", "eager", "ready",
    "willing", "determined", "poised", "design",
}
# "X urged / asked / ordered Y to DO Z": Z is demanded or allowed, not done ("forced Y to" is done).
DEMAND_VERBS = {"urge", "ask", "order", "tell", "call", "encourage", "invite", "press", "persuade", "push",
                "require", "warn", "advise", "instruct", "challenge", "allow", "permit"}
NOT_YET_DONE = IRREALIS_VERBS | DEMAND_VERBS
ALLEGATION_ADVERBS = {"allegedly", "reportedly", "purportedly", "supposedly"}
# "potentially faces", "could possibly win": a possibility, not an event.
POSSIBILITY_ADVERBS = {"potentially", "possibly", "perhaps", "maybe", "probably", "conceivably"}
ALLEGATION_VERBS = {"accuse", "suspect", "allege"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
DENIAL_VERBS = {"deny", "reject", "dismiss", "refute"}
REFUSAL_VERBS = {"refuse", "decline", "fail"}  # "refused to comment": the comment did not happen
IMPERSONAL_SUBJECTS = {"it", "there", "this", "that"}
# "reports of gay men being murdered", "rumours that he will quit": someone's account, passed on
REPORT_NOUNS = {"report", "rumour", "rumor", "claim", "account", "suggestion", "speculation"}
ALLEGATION_NOUNS = {"allegation", "accusation"}


def factuality_of(verb: Token) -> tuple[Factuality, Token | None, Token | None]:
    """Return (factuality, speaker token, cue verb) for a claim whose predicate is ``verb``."""
    if any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in verb.children):
        return Factuality.NEGATED, None, None
    hedged = any(c.lower_ in HEDGING_MODALS for c in children(verb, "aux")) or any(
        c.lower_ in POSSIBILITY_ADVERBS and c.i < verb.i for c in children(verb, "advmod")
    )  # "potentially faces"; not "has possibly the hardest job", where it grades the object
    found = embedding(verb)
    if hedged and found[0] != Factuality.REPORTED:  # "said it will sue" stays the speaker's claim
        return Factuality.HYPOTHETICAL, None, None
    return found


def scheduled(verb: Token) -> bool:
    """A present tense with a time still to come: 'Chelsea this week meet Barcelona', 'flies out tomorrow'."""
    if verb.tag_ not in ("VBP", "VBZ"):
        return False
    for child in verb.children:  # the time word itself modifies the verb: not "ahead of next week's show"
        if child.dep_ in ("npadvmod", "advmod", "tmod"):
            if child.lower_ in ("tomorrow", "tonight"):
                return True
            determiners = {t.lower_ for t in child.children if t.dep_ in ("det", "amod")}
            if child.lemma_.lower() in PERIOD_WORDS and determiners & {"next", "this"}:
                return True
    return False


PERIOD_WORDS = {"week", "weekend", "month", "year", "season", "summer", "autumn", "winter", "spring", "evening"}


def purpose(node: Token) -> bool:
    """'a system to stop copying', 'went there in order to meet him', 'will travel to Aberdeen to question
    Finnie': what the infinitive is for, not what was done. An infinitive after a done verb is often
    what came of it ('recovered to beat Dulko', 'needed 58 minutes to beat Agassi'), so it stays done;
    so does 'the first player to win three titles'."""
    if node.dep_ not in ("advcl", "acl") or not any(c.tag_ == "TO" for c in children(node, "aux")):
        return False
    head = node.head
    if node.dep_ == "acl":
        return not any(m.lower_ in ("first", "last", "only", "second", "third") or m.tag_ == "JJS"
                       for m in head.children)
    in_order = any(c.lower_ in ("order", "as") for c in node.children if c.dep_ in ("mark", "advmod", "prep"))
    return in_order or any(c.lower_ in HEDGING_MODALS for c in children(head, "aux"))


def embedding(verb: Token) -> tuple[Factuality, Token | None, Token | None]:
    """What the clauses above ``verb`` make of it: a wish, a report, a denial, a condition..."""
    if verb.dep_ == "ROOT" and any(c.tag_ == "TO" for c in children(verb, "aux")):
        return Factuality.HYPOTHETICAL, None, None  # the headline "Moya to skip Davis Cup": planned, not done
    if scheduled(verb) or purpose(verb):
        return Factuality.HYPOTHETICAL, None, None
    if any(c.lower_ in ALLEGATION_ADVERBS for c in verb.children) or (
        verb.dep_ == "pcomp" and verb.head.head.lemma_ in ALLEGATION_VERBS
    ):
        return Factuality.ALLEGED, None, None  # "allegedly killed", "accused of killing"
    node = verb
    for _ in range(8):  # climb the clause chain to find what embeds this claim
        if any(c.lower_ in CONDITIONAL_MARKS for c in children(node, "mark")) and node.dep_ == "advcl":
            return Factuality.HYPOTHETICAL, None, None
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ in ("acl", "relcl") and head.head.lemma_ in DENIAL_VERBS and head.dep_ == "dobj":
            return Factuality.DENIED, None, head.head  # "denied allegations that X did Y"
        if node.dep_ == "xcomp" and head.lemma_ in REFUSAL_VERBS:
            return Factuality.NEGATED, None, None
        if node.dep_ == "xcomp" and (
            head.lemma_.lower() in NOT_YET_DONE or (head.lower_ == "going" and node.tag_ == "VB")
        ):  # "hoping to repeat", "urged him to apologise", "is set to be made", "is going to sell"
            return Factuality.HYPOTHETICAL, None, head
        if node.dep_ == "ccomp" and head.lemma_.lower() in NOT_YET_DONE and any(c.tag_ == "TO" for c in children(node, "aux")):
            return Factuality.HYPOTHETICAL, None, head  # "wants the richer countries to do more": parsed as a clause
        if node.dep_ == "xcomp" and head.lemma_ == "be" and any(c.tag_ == "TO" for c in children(node, "aux")):
            return Factuality.HYPOTHETICAL, None, None  # "they are to perform a duet": arranged, not yet done
        shares_aux = node.dep_ in ("ccomp", "xcomp") or (node.dep_ == "conj" and not any(children(node, "aux")))
        if shares_aux and any(c.lower_ in HEDGING_MODALS for c in children(head, "aux")):
            return Factuality.HYPOTHETICAL, None, None  # "will try to", "will visit A and meet B"
        if node.dep_ == "ccomp" and head.lemma_ in DENIAL_VERBS:
            return Factuality.DENIED, None, head
        if node.dep_ in ("prep", "acl") and head.pos_ == "NOUN" and head.lemma_.lower() in REPORT_NOUNS | ALLEGATION_NOUNS:
            if head.dep_ == "dobj" and head.head.lemma_ in DENIAL_VERBS:
                return Factuality.DENIED, None, head.head  # "denied reports that X did Y"
            alleged = head.lemma_.lower() in ALLEGATION_NOUNS
            return (Factuality.ALLEGED if alleged else Factuality.REPORTED), None, head
        if node.dep_ == "ccomp" and head.lemma_ in lexicon().cues:
            speakers = [s for s in grammatical_subjects(head) if s.lower_ not in IMPERSONAL_SUBJECTS]
            if speakers:
                return Factuality.REPORTED, speakers[0], head
            # "it was reported that ...": the article passes on a report; no speaker, and not a plain fact
            return Factuality.REPORTED, None, head
        if node.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "prep", "pobj"):
            break
        node = head
    return Factuality.ASSERTED, None, None
