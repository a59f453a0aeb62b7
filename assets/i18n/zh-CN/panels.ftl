# 对比时的“变更”面板、“组织分析”面板，以及画布上的标签和提示。

## 对比：变更的类型和匹配方式

compare-kind-added = 新增
compare-kind-removed = 删除
compare-kind-moved = 调动
compare-kind-changed = 变更
compare-matched-by-id = 按 ID 匹配
compare-matched-by-ref = 按人事编号匹配
compare-matched-by-path = 按汇报路径匹配

## “变更”面板

changes-stop-tip = 清除所有标记并退出对比模式
changes-compared-with = 对比基准：{ $base } · { $matched }
changes-before = 调整前
changes-after = 调整后
changes-change = 变化
changes-figure-posts = 岗位数
changes-figure-headcount = 编制
changes-figure-vacancies = 空缺
changes-figure-managers = 管理者
changes-figure-layers = 管理层级
changes-figure-mean-span = 平均管理幅度
changes-kind-count = { $kind }（{ $count }）
changes-filter-hint = 按岗位名称、任职者或字段筛选
changes-none = 没有变更：两张图表完全相同。
changes-none-match = 没有符合筛选条件的变更。

## 视图 > 组织分析

analysis-building = 正在生成分析…
analysis-title = 组织分析
# $mean 和 $median 已四舍五入（2.50、3.0）。
analysis-summary = { $posts } · 编制 { $headcount } · { $vacancies } 个空缺 · { $managers } 名管理者 · { $layers } 个管理层级 · 平均管理幅度 { $mean } · 中位数 { $median } · { $narrow } 个过窄（幅度为 1） · { $wide } 个过宽（13 及以上） · { $groups } 组职责重叠
analysis-units = 部门（{ $count }）
analysis-column-unit = 部门
analysis-column-posts = 岗位
analysis-column-headcount = 编制
analysis-column-vacancies = 空缺
analysis-column-managers = 管理者
analysis-column-depth = 层数
analysis-column-span = 管理幅度
analysis-sort-tip = 按此列排序，再次单击可反向排序
analysis-select-tip = 选中这些岗位
analysis-spans = 管理者的管理幅度分布
analysis-layers = 各管理层级的岗位分布
analysis-shared-duties = 职责重叠（{ $groups } 组，相似度 ≥ { $threshold }）
analysis-no-shared = 各岗位之间没有职责重叠。
analysis-list-separator = 、
analysis-and-more = { $titles } 及另外 { $more } 个岗位

## 画布

canvas-label = 组织架构图画布
canvas-field-change = { $field }：{ $old } → { $new }
canvas-removed = 已删除：{ $title }
canvas-removed-below = 及其 { $below } 个下级（见“变更”面板）
