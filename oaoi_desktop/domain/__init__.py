"""The pure domain core: rubric model, scoring, aggregation, ranking.

Nothing here imports Qt or SQLAlchemy or touches files.
"""
