"""What happened: event frames, their modality, implied time and place, and the timeline.

``lexicon`` is the taxonomy as data, ``frames`` finds frames in the parse, ``modality`` and
``propagate`` refine them, ``timeline`` orders an article's events; the extractor that
writes ``Article.events`` is ``dateline.extract.events.extractor``.
"""
