# The Changes panel while comparing, the Analysis panel, and the canvas's tags and
# tooltips.

## Comparing: the kinds of change and how nodes were matched

compare-kind-added = New
compare-kind-removed = Removed
compare-kind-moved = Moved
compare-kind-changed = Changed
compare-matched-by-id = matched by id
compare-matched-by-ref = matched by ref
compare-matched-by-path = matched by path

## The Changes panel

changes-stop-tip = Remove every mark and leave compare mode
changes-compared-with = Compared with { $base } · { $matched }
changes-before = before
changes-after = after
changes-change = change
changes-figure-posts = Posts
changes-figure-headcount = Headcount
changes-figure-vacancies = Vacancies
changes-figure-managers = Managers
changes-figure-layers = Layers
changes-figure-mean-span = Mean span
changes-kind-count = { $kind } ({ $count })
changes-filter-hint = Filter by title, holder or field
changes-none = No changes: the charts are the same.
changes-none-match = No change matches the filter.

## View > Analysis

analysis-building = Building the analysis…
analysis-title = Analysis
# $mean and $median are already rounded (2.50, 3.0).
analysis-summary = { $posts } · headcount { $headcount } · { $vacancies ->
        [one] 1 vacancy
       *[other] { $vacancies } vacancies
    } · { $managers ->
        [one] 1 manager
       *[other] { $managers } managers
    } · { $layers ->
        [one] 1 layer
       *[other] { $layers } layers
    } · mean span { $mean } · median { $median } · { $narrow } narrow (span 1) · { $wide } wide (13+) · { $groups ->
        [one] 1 shared duty group
       *[other] { $groups } shared duty groups
    }
analysis-units = Units ({ $count })
analysis-column-unit = Unit
analysis-column-posts = Posts
analysis-column-headcount = HC
analysis-column-vacancies = Vac.
analysis-column-managers = Mgrs
analysis-column-depth = Depth
analysis-column-span = Span
analysis-sort-tip = Sort by this column; again to reverse
analysis-select-tip = Select these posts
analysis-spans = Managers by span of control
analysis-layers = Posts by layer
analysis-shared-duties = Shared duties ({ $groups } groups, similarity ≥ { $threshold })
analysis-no-shared = No two posts share a duty.
analysis-list-separator = {", "}
analysis-and-more = { $titles } and { $more } more

## The canvas

canvas-label = Chart canvas
canvas-field-change = { $field }: { $old } → { $new }
canvas-removed = Removed: { $title }
canvas-removed-below = and { $below } below it (listed in the Changes panel)
