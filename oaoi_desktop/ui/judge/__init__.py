"""The judge screens: sign-in, first-run secretariat set-up, the integrity
declaration, and the workspace (queue, dossier reader, score form).

Modules:

* :mod:`~oaoi_desktop.ui.judge.session` — :class:`JudgeSession`, the screens' one
  way into the services (one unit of work per call);
* :mod:`~oaoi_desktop.ui.judge.sign_in` — :class:`SignInDialog` (lockout, recovery code);
* :mod:`~oaoi_desktop.ui.judge.first_run` — :class:`SecretariatSetupDialog`;
* :mod:`~oaoi_desktop.ui.judge.integrity` — :class:`IntegrityDialog`, :class:`ConflictDialog`;
* :mod:`~oaoi_desktop.ui.judge.queue_model` — :class:`QueueTableModel`, :class:`QueueFilterProxy`;
* :mod:`~oaoi_desktop.ui.judge.score_form` — :class:`ScoreForm` and :class:`CriterionEditor`;
* :mod:`~oaoi_desktop.ui.judge.score_inputs` — the score field, level buttons and comment box;
* :mod:`~oaoi_desktop.ui.judge.workspace` — :class:`JudgeWorkspace`, with its
  :mod:`~oaoi_desktop.ui.judge.queue_panel` (the queue) and :mod:`~oaoi_desktop.ui.judge.undo` (score undo);
* :mod:`~oaoi_desktop.ui.judge.paper_forms` — :class:`PaperFormsPanel` (secretariat);
* :mod:`~oaoi_desktop.ui.judge.entry` — the main window's File menu action.

Import the classes from their modules; this package imports nothing itself, so
the main window pays for the judge screens only when it installs the hook.
"""
