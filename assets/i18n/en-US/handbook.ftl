# The post handbook (organisation chart and post duties, as Word, PDF or Markdown), and
# reading such documents back into a chart.

## The handbook's own words

handbook-section-chart = Organisation chart
handbook-section-units = Unit responsibilities
handbook-section-posts = Post duties
handbook-contents = Contents
handbook-reports-to = Reports to
handbook-holder = Holder
handbook-vacant = Vacant
handbook-headcount = Headcount
handbook-kind = Post type
handbook-assistant = Assistant
handbook-notes = Notes
handbook-no-unit = Posts outside any unit
handbook-no-duties = No duties listed.
handbook-page = Page { $page } of { $pages }
handbook-chart-too-large = The chart is too large to place here as a picture; export it as PDF or SVG to see it.

## The editor

handbook-export-title = Export post handbook
handbook-filter = Post handbook (Word, PDF, Markdown)
handbook-filter-duties = Duty document (Word, Markdown, text)
handbook-filter-importable = Roster or duty document
handbook-imported = Imported { $units } units, { $posts } posts and { $duties } duties from a duty document.
handbook-imported-flat = { $imported } The document has no reporting lines: each post is under its unit and each unit under the top. The first post of each unit may be its head: { $heads }.
