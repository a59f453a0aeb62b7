# The modal questions, the help windows, and the export, import and update windows.

## Modal questions

dialog-save = Save
dialog-dont-save = Don't save
dialog-cancel = Cancel
dialog-ok = OK
dialog-list-separator = {", "}
dialog-and-more = … and { $count } more
dialog-unsaved-body = The chart has changes that are not saved. Save them first?
dialog-delete-question = Delete { $names }?
dialog-delete-body = Its subordinates can stay, moving up to its manager, or go with it.
dialog-keep-subordinates = Keep subordinates
dialog-delete-subtree = Delete whole subtree
dialog-changed-on-disk-body = { $path } was changed by someone or something else since you opened it. Saving now would replace their changes.
dialog-overwrite = Overwrite
dialog-save-as = Save As…
dialog-reload = Reload from disk
dialog-no-file-dialog = No file dialog is available on this system. Install xdg-desktop-portal (with a desktop backend such as xdg-desktop-portal-gtk) or zenity, for example `sudo apt install zenity`, then try again. Meanwhile you can type a file path here.
dialog-file-path = File path
dialog-path-export = Export
dialog-path-open = Open
dialog-path-compare = Compare
dialog-path-update = Preview the update
dialog-path-save = Save
dialog-recover-body = Organigram did not close cleanly last time. These charts had changes that were not saved:
dialog-restore = Restore { $number }
dialog-discard = Discard { $number }
dialog-not-now = Not now
dialog-not-now-tip = Keep the copies; you will be asked next time

## Help > Keyboard shortcuts and Help > About

dialog-shortcuts-title = Keyboard shortcuts
dialog-shortcut-or = {"  or  "}
dialog-canvas-help = Canvas: drag the background or scroll to pan; Ctrl+scroll or pinch to zoom; drag a card onto another to re-parent it, or onto empty space to place it by hand; Shift/Ctrl-click adds to the selection; double-click renames; right-click for more.
dialog-about-title = About Organigram
dialog-about-version = Organigram { $version }
dialog-about-tagline = An org-chart editor for people who redesign organisations.
dialog-about-card-font = Card font: WenQuanYi Micro Hei subset (Apache-2.0).
dialog-about-system-font = Interface CJK font: { $font } (system).
dialog-about-built-with = Built with egui, eframe and egui_graphs.

## File > Export…

export-title = Export
export-format = Format
export-subtree = Only the selected card's subtree
export-duties = Duties on the cards (job-description handouts)
export-dark = Dark colours (otherwise light, for print)
export-title-above = Title above the chart
export-date = Today's date below the chart
export-colour-by = Colour posts by
export-mark-changes = Mark the changes against { $base } (with a legend)
export-png-scale = PNG scale
export-change-list-help = The change list: one row per change, with the field, the old and the new value.
export-table-help = One row per card: id, ref, kind, title, holder, manager, unit, headcount, dotted lines, duties and notes. Opens in Excel; Import… in the File menu reads it back.
export-text-help = SVG keeps text editable; PDF text stays selectable.
export-go = Choose file and export…
export-pdf-page = PDF page
export-page-natural = Natural size
export-page-a4 = Fit to A4
export-page-a3 = Fit to A3
export-page-letter = Fit to Letter
export-landscape = Landscape
export-page-per-unit = An overview page, then a page per unit, all at one scale
export-duties-handouts = A handout slide of duties for each post (duties are always in the speaker notes)
export-pptx-help = A 16:9 deck of editable boxes and connectors. A chart too big for one slide gets an overview slide and a slide per unit, all at one scale, no text under 9 pt.

## File > Import…

import-title = Import a roster
import-go = Import
import-go-tip = Open the roster as a new chart, not saved yet
import-encoding = Encoding
import-encoding-detect = detect
import-encoding-detected = { $encoding } (detected)
import-sheet = Sheet
import-header-row = Header row
import-line = line { $line }
import-line-cells = line { $line }: { $cells }
import-managers-by = Managers named by
import-key-id = id
import-key-name = name
import-key-last-first = Last, First
import-key-email = email
import-units = Departments become unit cards
import-column-tip = What column { $number } ({ $name }) holds
import-column = Column { $number } ({ $name })
import-more-rows = { $count ->
        [one] … and 1 more row
       *[other] … and { $count } more rows
    }
import-meaning-ignore = (not used)
import-meaning-id = Id
import-meaning-reference = HR reference
import-meaning-manager = Manager
import-meaning-name = Holder's name
import-meaning-first-name = First name
import-meaning-last-name = Last name
import-meaning-title = Title
import-meaning-unit = Department
import-meaning-kind = Kind (assistant)
import-meaning-email = Email
import-meaning-headcount = Headcount
import-meaning-status = Status
import-meaning-duties = Duties
import-meaning-notes = Notes
import-meaning-dotted = Dotted-line managers
# $shown is $count with its thousands separated: 1,516.
import-summary-posts = { $count ->
    [one] { $shown } post
   *[other] { $shown } posts
}
import-summary-top-posts = { $count ->
    [one] { $shown } top post
   *[other] { $shown } top posts
}
import-summary-depth = depth { $depth }
import-summary-units = { $count ->
    [one] { $shown } unit
   *[other] { $shown } units
}
import-summary-problems = { $count ->
    [one] { $shown } problem
   *[other] { $shown } problems
}
import-left-out = { $count ->
    [one] { $shown } row
   *[other] { $shown } rows
} left out: their status says they have left
import-problem = line { $line }: { $problem }

## File > Update from HR file…

update-title = Update from HR file
update-keeps = Structure, titles and holders come from the file; the chart's duties, notes, colours, hand-placed cards, dotted lines and its own units are kept.
update-count-added = { $count } new
update-count-removed = { $count } removed
update-count-moved = { $count } moved
update-count-changed = { $count } changed
update-counts = { $counts } · { $matched }
update-up-to-date = The chart is up to date with this file: nothing to change.
update-choose-all = Choose all
update-choose-none = Choose none
update-apply = { $count ->
    [one] Apply { $count } change
   *[other] Apply { $count } changes
}
update-apply-tip = Make the chosen changes; one Undo takes them all back
update-problems = { $count ->
    [one] { $count } problem in the file
   *[other] { $count } problems in the file
}
update-change-line = { $kind }: { $line }
