# What the editor says: notices, undo steps, modal headings, recovery summaries, kind
# names and the window title.

## Notices

msg-select-first = { $command }: select a card first
msg-undid = Undid: { $step }
msg-redid = Redid: { $step }
msg-nothing-to-undo = Nothing to undo
msg-nothing-to-redo = Nothing to redo
msg-already-shown = The chart already looks like that
msg-nothing-pinned = No card is placed by hand; the chart is already laid out
msg-unpinned = { $count ->
    [one] Put { $count } card placed by hand back in the tree
   *[other] Put { $count } cards placed by hand back in the tree
}
msg-saved = Saved { $path }
msg-exported = Exported { $path }
msg-dialog-already-open = A file dialog is already open
msg-restored = Restored your unsaved changes; save them to keep them
# $levels and $fit are command names, $levels_key and $fit_key their shortcuts.
msg-too-big-to-fit = Too big to read when fitted: { $levels } ({ $levels_key }, View menu) gives an overview; { $fit } ({ $fit_key }) shows it all
msg-update-skipped = { $count ->
    [one] { $count } change could not be applied: { $lines }
   *[other] { $count } changes could not be applied: { $lines }
}
# Between the changes listed in msg-update-skipped.
msg-list-separator = {"; "}
msg-newer-minor = This file was made by a newer Organigram (format { $major }.{ $minor }). It opened, but what this version does not know ({ $unknown }) will be dropped if you save it; use Save As to keep the original.
msg-pins-converted = { $count ->
    [one] { $count } card placed by hand now move with their managers
   *[other] { $count } cards placed by hand now move with their managers
}

## Undo steps

step-rename = Rename
step-move = Move
step-pin = Place by hand
step-unpin = Put back in the tree
step-collapse = Collapse
step-expand = Expand
step-show-levels = Show { $count } levels
step-expand-all = Expand all
step-relayout = Re-layout
step-delete-keep-subordinates = Delete (keep subordinates)
step-delete-subtree = Delete subtree
step-chart-title = Chart title
step-organisation = Organisation
step-make-unit = Make a unit
step-make-position = Make a position
step-make-assistant = Make an assistant
step-holder = Set holder
step-vacancy = Set vacancy
step-headcount = Headcount
step-colour = Change colour
step-clear-colour = Clear colour
step-notes = Notes
step-reference = HR reference
step-add-dotted = Add dotted line
step-remove-dotted = Remove dotted line
step-add-duty = Add duty
step-paste-duties = Paste { $count } duties
step-edit-duty = Edit duty
step-delete-duty = Delete duty
step-reorder-duties = Reorder duties
step-update = { $count ->
    [one] Update from HR file ({ $count } change)
   *[other] Update from HR file ({ $count } changes)
}

## Modal headings

modal-unsaved = Unsaved changes
modal-delete = Delete
modal-open-failed = Could not open the chart
modal-open-sample-failed = Could not open the sample
modal-save-failed = The chart was not saved
modal-export-failed = The chart was not exported
modal-restore-failed = The recovery copy could not be opened
modal-import-failed = The roster could not be read
modal-compare-failed = Could not compare
modal-update-failed = Could not update from the HR file
modal-changed-on-disk = The file changed on disk
modal-recover = Recover unsaved work
modal-open-chart = Open chart
modal-save-chart = Save chart
modal-export-chart = Export chart
modal-import-roster = Import a roster
modal-compare = Compare with a chart or an HR file
modal-update-from = Update from an HR file

## The system's file dialogs

modal-filter-format = { $format } file
modal-filter-roster = Roster (CSV, text, Excel, OpenDocument)
modal-filter-chart-or-roster = Chart or roster
modal-filter-chart = Organigram chart

## Recovery copies

recovery-just-now = just now
recovery-minutes-ago = { $count } minutes ago
recovery-hours-ago = { $count } hours ago
recovery-days-ago = { $count } days ago
recovery-differ = { $count ->
        [one] 1 card differs from the saved file
       *[other] { $count } cards differ from the saved file
    }
recovery-file-gone = the saved file is gone or unreadable
recovery-never-saved = { $count ->
        [one] 1 card, never saved
       *[other] { $count } cards, never saved
    }
recovery-damaged = the copy is damaged
# $name is the chart, $when one of recovery-…-ago, $changes one of the lines above.
recovery-summary = { $name } — saved { $when }; { $changes }

## Kinds of card

kind-unit = Unit
kind-position = Position
kind-assistant = Assistant

## Window title

title-window = { $name } — Organigram
title-window-unsaved = { $name } • — Organigram
title-sample = { $name } (sample)
title-untitled = Untitled
