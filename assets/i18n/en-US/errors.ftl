# Errors from the model and the file formats, as the editor words them (src/ui/errors.rs).
# The English is the library's own Display text, word for word.

## How messages name a node.

error-node = “{ $title }” ({ $id })
error-untitled-unit = untitled unit ({ $id })
error-untitled-position = untitled position ({ $id })
error-untitled-assistant = untitled assistant ({ $id })

## A node's texts.

error-field-title = title
error-field-holder = holder
error-field-notes = notes
error-field-reference = HR reference
error-field-duty = duty { $number }

## Refused edits.

error-unknown-node = node { $id } does not exist
error-id-in-use = id { $id } is already in use
error-index-sibling = sibling index { $index } is out of range: there are { $len }
error-index-duty = duty index { $index } is out of range: there are { $len }
error-index-dotted-line = dotted line index { $index } is out of range: there are { $len }

## The chart's rules.

error-rule-reports-to-assistant = { $child } cannot report to { $assistant }: an assistant manages no one
error-rule-assistant-at-top = { $assistant } is an assistant, so it must report to a position; it cannot be a top node
error-rule-assistant-under-unit = { $assistant } is an assistant, so it must report to a position, not to the unit { $unit }
error-rule-dotted-to-self = { $post } cannot have a dotted line to itself
error-rule-dotted-from-unit = { $unit } is a unit; dotted lines run between posts
error-rule-dotted-to-non-position = { $from } cannot have a dotted line to { $to }: a dotted-line manager must be a position
error-rule-dotted-repeats-solid = { $from } already reports to { $to } by its solid line; a dotted line would repeat it
error-rule-dotted-twice = { $from } already has a dotted line to { $to }
error-rule-no-such-dotted = { $from } has no dotted line to { $to }
error-rule-zero-headcount = { $post } has headcount 0; a post stands for at least 1 person
error-rule-pin-not-finite = { $node } is pinned at a non-finite point
error-rule-control-character = { $node } has a control character (U+{ $code }) in its { $field }; the file may be damaged
error-rule-cycle = { $node } cannot report to { $target }: { $target } is inside { $node }'s own subtree, so that would make a cycle
error-rule-dotted-before-solid = { $node } has a dotted line to { $target }; remove it before making that its solid-line manager
error-rule-unit-with-dotted = units have no dotted lines; remove its dotted lines first
error-rule-dotted-manager-not-position = { $lines } dotted line(s) lead to it, and only a position can be a dotted-line manager
error-rule-cannot-become-unit = { $node } cannot become a unit: { $because }
error-rule-cannot-become-position = { $node } cannot become a position: { $because }
error-rule-cannot-become-assistant = { $node } cannot become an assistant: { $because }
error-rule-keep-reports = { $node } cannot be removed with its subordinates kept: { $because }
error-rule-malformed-restore = a malformed restore: { $detail }

## Files that could not be read. Each line starts FILE: or FILE:LINE:COLUMN: (added by
## the code); $message is what the system or the parser said, in English.

error-cannot-read = cannot read the file: { $message }
error-chart-too-large = the file is { $bytes } bytes; Organigram opens chart files of up to { $limit } bytes
error-newer-version = made by a newer Organigram (file format { $found }); this version reads format { $supported }.x — please update Organigram to open it
error-invalid-chart = { $message }
error-roster-empty = the file is empty; a roster has a header row and a row per post
error-roster-too-large = the file is { $bytes } bytes; Organigram reads HR files of up to { $limit } bytes
error-roster-problem = { $message }
error-roster-unreadable = { $message }
error-not-hr-file = { $name } is a chart, not an HR file; to see how two charts differ, use Compare with…

## Saves and exports that did not happen.

error-save = could not save { $path }: { $message }. { $hint }
error-save-step = { $step }: { $system }
error-save-step-temporary = cannot create a temporary file beside it
error-save-step-write = writing failed
error-save-step-flush = flushing to disk failed
error-save-step-permissions = cannot set the file's permissions
error-save-step-backup = cannot keep the previous version as .bak
error-save-step-replace = cannot replace the file
error-save-hint-permission = You may not write there: choose another folder with Save As, or ask for write permission.
error-save-hint-full = The disk is full: free some space, or save to another disk with Save As.
error-save-hint-no-folder = The folder no longer exists: choose another folder with Save As.
error-save-hint-not-a-folder = Part of that path is a file, not a folder: choose another folder with Save As.
error-save-hint-other = Nothing was changed on disk; try Save As to another place.
error-png-too-large = the PNG would be { $width } × { $height } pixels ({ $megapixels } megapixels), more than the { $limit } megapixels Organigram renders; export SVG or PDF instead (they stay sharp at any size), or use a lower --scale
error-export-no-root = node { $id } is not in the chart or is hidden inside a collapsed subtree
error-render = could not render the chart: { $message }
error-png-scale = the PNG scale must be between 1 and 4, not { $scale }
