# 岗位职责手册（组织架构图与岗位职责，Word、PDF 或 Markdown），以及把这类文档读回图表。

## 手册中的文字

handbook-section-chart = 组织架构图
handbook-section-units = 部门解析
handbook-section-posts = 岗位职责分解
handbook-contents = 目录
handbook-reports-to = 直接上级
handbook-holder = 任职者
handbook-vacant = 空缺
handbook-headcount = 编制
handbook-kind = 岗位类型
handbook-assistant = 助理
handbook-notes = 备注
handbook-no-unit = 未归属部门的岗位
handbook-no-duties = 未列出岗位职责。
handbook-page = 第 { $page } 页，共 { $pages } 页
handbook-chart-too-large = 组织架构图太大，无法作为图片插入；请导出为 PDF 或 SVG 查看。

## 编辑器

handbook-export-title = 导出岗位职责手册
handbook-filter = 岗位职责手册（Word、PDF、Markdown）
handbook-filter-duties = 岗位职责文档（Word、Markdown、文本）
handbook-filter-importable = 花名册或岗位职责文档
handbook-imported = 已从岗位职责文档导入 { $units } 个部门、{ $posts } 个岗位、{ $duties } 条职责。
handbook-imported-flat = { $imported }文档中没有汇报关系：各岗位放在所属部门下，各部门放在最上级下。每个部门的第一个岗位可能是部门负责人：{ $heads }。
