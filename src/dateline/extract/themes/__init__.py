"""Themes and tone: topic models (``topics``), a story's tone (``tone``) and target-dependent
sentiment towards the people and organisations it names (``sentiment``). Models are plain
data under ``models/``, applied with numpy; scikit-learn only trains them."""
