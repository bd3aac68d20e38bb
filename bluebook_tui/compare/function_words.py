"""English function words: what keyword lists and wording shifts leave out.

The search index drops only Whoosh's short stop list (so a phrase search keeps its words); keyness over the rest
would rank "also", "such" and "has" beside the vocabulary that changed. Function words are a closed class, so
a list is complete where a frequency cut-off would also drop real words; it is short enough to read here.
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    # determiners and quantifiers
    {"a", "an", "the", "this", "that", "these", "those", "each", "every", "either", "neither", "any", "some"}
    | {"all", "both", "few", "many", "much", "more", "most", "less", "least", "other", "another", "such", "own"}
    | {"no", "nor", "not", "only", "same", "several", "various", "whole"}
    # pronouns
    | {"i", "me", "my", "we", "our", "ours", "you", "your", "he", "him", "his", "she", "her", "it", "its", "itself"}
    | {"they", "them", "their", "theirs", "themselves", "one", "ones", "who", "whom", "whose", "which", "what"}
    # auxiliaries and copulas
    | {"be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "having", "do", "does", "did"}
    | {"will", "would", "shall", "should", "can", "could", "may", "might", "must"}
    # prepositions
    | {"about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at", "before"}
    | {"behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite", "down", "during"}
    | {"for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside", "over"}
    | {"per", "since", "than", "through", "throughout", "to", "toward", "towards", "under", "until", "up", "upon"}
    | {"via", "with", "within", "without"}
    # conjunctions and connecting adverbs
    | {"and", "or", "but", "if", "so", "because", "although", "though", "while", "whereas", "whether", "unless"}
    | {"also", "further", "furthermore", "moreover", "however", "therefore", "thus", "then", "there", "here"}
    | {"where", "when", "how", "why", "well", "even", "just", "very", "too", "again", "already", "still", "yet"}
    | {"etc", "i.e", "e.g", "namely", "including", "regarding", "concerning"}
)


def is_function_word(word: str) -> bool:
    """Whether a word as written (any case, possessive or not) is a function word."""
    lowered = word.lower().replace("’", "'").removesuffix("'s").rstrip(".")
    return lowered in FUNCTION_WORDS
