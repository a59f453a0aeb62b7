# The editor's commands (menus, toolbar, context menu, shortcuts help), the menu bar,
# the status bar, the search bar and the outline.

## Command labels

cmd-new = New
cmd-open = Open…
cmd-save = Save
cmd-save-as = Save As…
cmd-export = Export…
cmd-export-handbook = Export handbook…
cmd-import = Import…
cmd-compare-with = Compare with…
cmd-stop-comparing = Stop comparing
cmd-update-from-hr = Update from HR file…
cmd-quit = Quit
cmd-undo = Undo
cmd-redo = Redo
cmd-add-subordinate = Add subordinate
cmd-add-assistant = Add assistant
cmd-add-sibling = Add sibling
cmd-add-unit = Add unit
cmd-rename = Rename
cmd-delete = Delete…
cmd-toggle-collapse = Collapse / expand
cmd-show-levels = Show { $count } levels
cmd-expand-all = Expand all
cmd-relayout = Re-layout
cmd-zoom-in = Zoom in
cmd-zoom-out = Zoom out
cmd-zoom-fit = Fit
cmd-centre-selection = Centre on selection
cmd-stack-teams = Stack teams of leaves
cmd-duties-on-cards = Duties on cards
cmd-left-to-right = Left to right
cmd-fit-to-slide = Fit to slide shape
cmd-find = Find…
cmd-find-next = Find next
cmd-find-previous = Find previous
cmd-select-parent = Select manager
cmd-select-child = Select first subordinate
cmd-select-previous-sibling = Select previous sibling
cmd-select-next-sibling = Select next sibling
cmd-outline-panel = Outline panel
cmd-inspector-panel = Inspector panel
cmd-analysis = Analysis
cmd-shortcuts = Keyboard shortcuts
cmd-about = About Organigram

## Command tooltips

cmd-new-tip = Start an empty chart
cmd-open-tip = Open a chart file (.ron)
cmd-save-tip = Save the chart to its file
cmd-save-as-tip = Save the chart to a new file
cmd-export-tip = Export the chart as PDF, PNG or SVG for slides and handouts, or as CSV or Excel
cmd-export-handbook-tip = Write the post handbook as Word, PDF or Markdown: the chart, each unit's responsibilities and each post's duties
cmd-import-tip = Make a chart of a roster from an HR system or Excel (CSV, text, .xlsx, .xls, .ods)
cmd-compare-with-tip = Mark on this chart what is new, moved, changed and removed compared with another chart or an HR file
cmd-stop-comparing-tip = Leave compare mode and remove every mark
cmd-update-from-hr-tip = Bring the chart up to date with an HR file: new hires, leavers, transfers and titles; your duties, notes and layout are kept
cmd-quit-tip = Close Organigram
cmd-undo-tip = Undo the last change
cmd-redo-tip = Redo the last undone change
cmd-add-subordinate-tip = Add a position that reports to the selected card
cmd-add-assistant-tip = Add an assistant beside the selected position
cmd-add-sibling-tip = Add a position beside the selected card, under the same manager
cmd-add-unit-tip = Add a department under the selected card (or at the top)
cmd-rename-tip = Edit the selected card's title
cmd-delete-tip = Delete the selected card; you choose whether its subordinates stay
cmd-toggle-collapse-tip = Fold or unfold everything below the selected card
cmd-show-levels-tip = Fold the chart below this many levels and fit it in the window: an overview of a large chart
cmd-expand-all-tip = Unfold every card
cmd-relayout-tip = Put every card you placed by hand back in its place in the tree
cmd-zoom-in-tip = Zoom in
cmd-zoom-out-tip = Zoom out
cmd-zoom-fit-tip = Show the whole chart
cmd-centre-selection-tip = Scroll the selected card to the centre
cmd-stack-teams-tip = Stack a manager's team of leaves in two columns beside its line, instead of one wide row
cmd-duties-on-cards-tip = Show each post's duties on its card
cmd-left-to-right-tip = Lay the chart out from left to right instead of top-down
cmd-fit-to-slide-tip = Wrap wide rows of subordinates into several rows, so that the chart comes close to the shape chosen in Slide shape (16:9 unless you choose another)
cmd-find-tip = Search titles, holders and duties
cmd-find-next-tip = Go to the next match
cmd-find-previous-tip = Go to the previous match
cmd-select-parent-tip = Select the manager of the selected card
cmd-select-child-tip = Select the first subordinate of the selected card
cmd-select-previous-sibling-tip = Select the card to the left
cmd-select-next-sibling-tip = Select the card to the right
cmd-outline-panel-tip = Show or hide the outline on the left
cmd-inspector-panel-tip = Show or hide the inspector on the right
cmd-analysis-tip = Spans and layers, vacancies, units and shared duties, in a panel below the chart
cmd-shortcuts-tip = List every keyboard shortcut
cmd-about-tip = Version and licences

## Menus

menu-file = File
menu-edit = Edit
menu-view = View
menu-help = Help
menu-open-sample = Open sample
menu-open-recent = Open recent
menu-sample-seed-zh = 营销部组织架构图与岗位职责 (seed, 中文)
menu-sample-seed-en = Marketing Division (seed, English)
menu-sample-northwind = Northwind Renewables (mid-size, 285 posts)
menu-no-recent = No recent files
menu-autosave = Autosave
menu-autosave-off = Off
menu-autosave-30-seconds = Every 30 seconds
menu-autosave-minute = Every minute
menu-autosave-5-minutes = Every 5 minutes
menu-keep-backup = Keep previous version as .bak
menu-keep-backup-tip = When saving over a file, keep the old one beside it as NAME.ron.bak
menu-colour-by = Colour by
menu-colour-by-unit = Unit
menu-colour-by-span-band = Span band
menu-colour-by-layer = Layer
menu-colour-by-vacancy = Vacancy
# A command's tooltip and the step Undo or Redo would take.
menu-tip-with-step = { $tip }: { $step }

## Toolbar

# A tool's tooltip and its keyboard shortcut.
toolbar-tip-with-shortcut = { $tip } ({ $shortcut })

## Status bar

status-positions = Positions { $count }
status-headcount = Headcount { $count }
status-vacancies = Vacancies { $count }
status-layers = Layers { $count }
status-zoom = Zoom { $percent }%
status-sample = sample: { $name } (Save As to keep changes)
status-not-saved = not saved yet
status-unsaved = { $place } • unsaved changes
status-dialog-open = A file dialog is open

## Search bar

search-label = Search
search-hint = title, holder or duty
search-previous = Previous match
search-next = Next match
search-no-matches = No matches
search-at = { $at } of { $count }
search-matches = { $count ->
        [one] 1 match
       *[other] { $count } matches
    }
search-close = Close search

## Outline

outline-heading = Outline
outline-expand = Expand { $name }
outline-collapse = Collapse { $name }
outline-tab-changes = Changes
outline-tab-outline = Outline
