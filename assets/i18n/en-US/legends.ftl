# Words drawn on exports and on the canvas legend: Colour by legends (src/analysis/colour_by.rs)
# and a comparison's legend and card tags (src/export/marked.rs).

## Colour by: headings, captions and entries. An entry is followed by " · COUNT".

legend-heading-span = Span of control
legend-heading-layer = Layer
legend-heading-vacancy = Vacancy
legend-caption-span = coloured by span of control
legend-caption-layer = coloured by layer
legend-caption-vacancy = coloured by vacancy
# $band is a span band such as 1 or 13-16.
legend-band-narrow = { $band } (narrow)
legend-band-wide = { $band } (wide)
legend-not-a-manager = not a manager
legend-layer = layer { $layer }
# The last colour: this layer and every layer below it.
legend-layer-and-below = layer { $layer }+
legend-filled = filled
legend-partly-vacant = partly vacant
legend-vacant = vacant

## A comparison's legend.

legend-added = new { $count }
legend-moved = moved { $count }
legend-changed = changed { $count }
legend-removed = removed { $count }
legend-compared-with = compared with { $base }
legend-listed = Removed with their managers: { $names }
legend-listed-more = Removed with their managers: { $names } and { $more } more
legend-list-separator = {", "}

## Tags on changed cards and on removed (ghost) cards.

legend-tag-new = new
legend-tag-from = from { $manager }
legend-tag-from-top = from the top
legend-tag-changed = changed: { $fields }
legend-tag-removed = removed
legend-tag-removed-below = removed · { $below } below

## Changed fields on a tag: in English, their names in chart files.

legend-field-title = title
legend-field-holder = holder
legend-field-kind = kind
legend-field-headcount = headcount
legend-field-duties = duties
legend-field-dotted = dotted
legend-field-notes = notes
legend-field-colour = colour
legend-field-reference = ref

## One change in a line, in the Changes panel and the update window (`organigram diff`
## prints the English).

change-line-added = { $who }, under { $manager }
change-line-removed = { $who }, was under { $manager }
change-line-moved = { $who }: from { $from } to { $to }
change-line-duties = { $who }: duties { $parts }
change-line-field = { $who }: { $field } { $old } → { $new }
change-top = the top
change-vacant = vacant
change-none = none
change-kind-unit = unit
change-kind-position = position
change-kind-assistant = assistant
