# 模型与文件格式报告的错误，由编辑器用中文表述（src/ui/errors.rs）。

## 消息中如何称呼一个节点。

error-node = “{ $title }”（{ $id }）
error-untitled-unit = 未命名部门（{ $id }）
error-untitled-position = 未命名岗位（{ $id }）
error-untitled-assistant = 未命名助理（{ $id }）

## 节点的各项文字。

error-field-title = 名称
error-field-holder = 任职者
error-field-notes = 备注
error-field-reference = 人事编号
error-field-duty = 第 { $number } 条职责

## 被拒绝的编辑。

error-unknown-node = 图表中不存在 { $id }
error-id-in-use = ID { $id } 已被占用
error-index-sibling = 同级序号 { $index } 超出范围：共有 { $len } 个
error-index-duty = 职责序号 { $index } 超出范围：共有 { $len } 条
error-index-dotted-line = 虚线汇报序号 { $index } 超出范围：共有 { $len } 条

## 图表的规则。

error-rule-reports-to-assistant = { $child }不能向{ $assistant }汇报：助理不能有下级
error-rule-assistant-at-top = { $assistant }是助理，必须向某个岗位汇报，不能位于顶层
error-rule-assistant-under-unit = { $assistant }是助理，必须向岗位汇报，不能直接隶属于部门{ $unit }
error-rule-dotted-to-self = { $post }不能虚线汇报给自己
error-rule-dotted-from-unit = { $unit }是部门；虚线汇报只能用于岗位之间
error-rule-dotted-to-non-position = { $from }不能虚线汇报给{ $to }：虚线汇报上级必须是岗位
error-rule-dotted-repeats-solid = { $from }已实线汇报给{ $to }，无需再加虚线汇报
error-rule-dotted-twice = { $from }已虚线汇报给{ $to }
error-rule-no-such-dotted = { $from }没有虚线汇报给{ $to }
error-rule-zero-headcount = { $post }的编制为 0；每个岗位至少对应 1 人
error-rule-pin-not-finite = { $node }的手动摆放位置不是有效坐标
error-rule-control-character = { $node }的{ $field }中含有控制字符（U+{ $code }）；文件可能已损坏
error-rule-cycle = { $node }不能向{ $target }汇报：{ $target }位于{ $node }的下级分支中，这样会形成循环汇报
error-rule-dotted-before-solid = { $node }已虚线汇报给{ $target }；请先删除这条虚线汇报，再将其设为实线上级
error-rule-unit-with-dotted = 部门不能有虚线汇报；请先删除它的虚线汇报
error-rule-dotted-manager-not-position = 有 { $lines } 条虚线汇报指向它，而只有岗位才能作为虚线汇报上级
error-rule-cannot-become-unit = { $node }不能改为部门：{ $because }
error-rule-cannot-become-position = { $node }不能改为岗位：{ $because }
error-rule-cannot-become-assistant = { $node }不能改为助理：{ $because }
error-rule-keep-reports = 无法在保留下级的情况下删除{ $node }：{ $because }
error-rule-malformed-restore = 恢复数据有误：{ $detail }

## 无法读取的文件。每行开头的 FILE: 或 FILE:LINE:COLUMN: 由代码加上；
## $message 是系统或解析器给出的原文（英文）。

error-cannot-read = 无法读取文件：{ $message }
error-chart-too-large = 文件过大（{ $bytes } 字节）；Organigram 只能打开不超过 { $limit } 字节的图表文件
error-newer-version = 此文件由更新版本的 Organigram 创建（文件格式 { $found }）；当前版本只能读取 { $supported }.x 格式，请先更新 Organigram 再打开
error-invalid-chart = 图表文件有误：{ $message }
error-roster-empty = 文件为空；花名册应包含一行表头，每个岗位占一行
error-roster-too-large = 文件过大（{ $bytes } 字节）；Organigram 只能读取不超过 { $limit } 字节的人事文件
error-roster-problem = 花名册内容有误：{ $message }
error-roster-unreadable = 无法识别为花名册：{ $message }
error-not-hr-file = { $name } 是图表文件，不是人事文件；如需查看两个图表的差异，请使用“对比…”

## 未能完成的保存与导出。

error-save = 无法保存 { $path }：{ $message }。{ $hint }
error-save-step = { $step }：{ $system }
error-save-step-temporary = 无法在同一文件夹中创建临时文件
error-save-step-write = 写入失败
error-save-step-flush = 同步到磁盘失败
error-save-step-permissions = 无法设置文件权限
error-save-step-backup = 无法将旧版本保留为 .bak 备份
error-save-step-replace = 无法替换原文件
error-save-hint-permission = 没有此位置的写入权限：请使用“另存为”选择其他文件夹，或申请写入权限。
error-save-hint-full = 磁盘已满：请清理部分空间，或使用“另存为”保存到其他磁盘。
error-save-hint-no-folder = 该文件夹已不存在：请使用“另存为”选择其他文件夹。
error-save-hint-not-a-folder = 路径中有一部分是文件而不是文件夹：请使用“另存为”选择其他文件夹。
error-save-hint-other = 磁盘上的文件未作任何改动；请尝试使用“另存为”保存到其他位置。
error-png-too-large = PNG 图片将达 { $width } × { $height } 像素（{ $megapixels } 百万像素），超过 Organigram 可渲染的 { $limit } 百万像素上限；请改为导出 SVG 或 PDF（任意缩放都保持清晰），或调低 PNG 缩放倍数
error-export-no-root = { $id } 不在图表中，或位于已折叠的分支内
error-render = 无法绘制图表：{ $message }
error-png-scale = PNG 缩放倍数必须在 1 到 4 之间，当前为 { $scale }
