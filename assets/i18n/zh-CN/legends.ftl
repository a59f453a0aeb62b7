# 导出文件与画布图例上的文字：着色图例（src/analysis/colour_by.rs），
# 以及对比结果的图例和卡片标签（src/export/marked.rs）。

## 着色方式：标题、说明与条目。条目后接“ · 数量”。

legend-heading-span = 管理幅度
legend-heading-layer = 管理层级
legend-heading-vacancy = 空缺情况
legend-caption-span = 按管理幅度着色
legend-caption-layer = 按管理层级着色
legend-caption-vacancy = 按空缺情况着色
legend-band-narrow = { $band }（过窄）
legend-band-wide = { $band }（过宽）
legend-not-a-manager = 非管理岗
legend-layer = 第 { $layer } 层
legend-layer-and-below = 第 { $layer } 层及以下
legend-filled = 满编
legend-partly-vacant = 部分空缺
legend-vacant = 空缺

## 对比图例。

legend-added = 新增 { $count }
legend-moved = 调动 { $count }
legend-changed = 变更 { $count }
legend-removed = 删除 { $count }
legend-compared-with = 对比基准：{ $base }
legend-listed = 随上级一并删除：{ $names }
legend-listed-more = 随上级一并删除：{ $names }，另有 { $more } 个
legend-list-separator = 、

## 变更卡片与已删除（虚影）卡片上的标签。

legend-tag-new = 新增
legend-tag-from = 调自{ $manager }
legend-tag-from-top = 原为顶层
legend-tag-changed = 变更：{ $fields }
legend-tag-removed = 已删除
legend-tag-removed-below = 已删除 · 含 { $below } 个下级

## 标签上的变更字段。

legend-field-title = 名称
legend-field-holder = 任职者
legend-field-kind = 类型
legend-field-headcount = 编制
legend-field-duties = 岗位职责
legend-field-dotted = 虚线汇报
legend-field-notes = 备注
legend-field-colour = 颜色
legend-field-reference = 人事编号

## 变更列表与人事文件更新窗口中的一行变更（命令行 `organigram diff` 输出英文）。

change-line-added = { $who }，上级：{ $manager }
change-line-removed = { $who }，原上级：{ $manager }
change-line-moved = { $who }：从{ $from }调至{ $to }
change-line-duties = { $who }：岗位职责 { $parts }
change-line-field = { $who }：{ $field } { $old } → { $new }
change-top = 顶层
change-vacant = 空缺
change-none = 无
change-kind-unit = 部门
change-kind-position = 岗位
change-kind-assistant = 助理
