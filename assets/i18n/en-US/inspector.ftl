# The inspector: the chart's own fields, and the selected card's.

inspector-nothing-selected = Select a card to edit it. Double-click a card to rename it; drag it onto another card to move it.
inspector-many-selected = { $count } cards selected; editing the last one.
inspector-chart = Chart
inspector-chart-title = Chart title
inspector-organisation = Organisation
# The selected card's heading: its kind, its number and its unit.
inspector-heading-in-unit = { $kind } #{ $id } · in { $unit }
inspector-heading = { $kind } #{ $id }
inspector-kind = Kind
inspector-name = Name
inspector-title = Title
inspector-holder = Holder
inspector-vacant = Vacant
inspector-vacant-tip = No one holds this post
inspector-headcount = Headcount
inspector-colour = Colour
inspector-no-colour = No colour
inspector-notes = Notes
inspector-reference = HR reference
# $offset is the card's offset from its manager's, such as "+40, -12".
inspector-placed-by-hand = Placed by hand ({ $offset })
inspector-placed-by-hand-tip = Offset from its manager's card; it moves with its team
inspector-put-back = Put back
inspector-subtree-folded = Subtree folded

## Dotted-line managers

inspector-dotted-managers = Dotted-line managers
inspector-remove-dotted = Remove dotted line to { $name }
inspector-add-dotted = Add dotted-line manager
inspector-choose-position = choose a position…
inspector-filter = filter
# A position told apart from others of the same title: " · reports to" and its manager.
inspector-reports-to = reports to { $manager }

## Duties

inspector-responsibilities = Responsibilities ({ $count })
inspector-duties = Duties ({ $count })
inspector-drag-to-reorder = Drag to reorder
inspector-duty = Duty { $number }
inspector-move-duty-up = Move duty { $number } up
inspector-move-duty-down = Move duty { $number } down
inspector-delete-duty = Delete duty { $number }
inspector-new-duty = New duty
inspector-new-duty-hint = Type a duty, or paste several lines from a document
inspector-add-duty = Add duty
