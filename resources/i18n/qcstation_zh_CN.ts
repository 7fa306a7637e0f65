<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>CrashReporter</name>
        <message>
            <location filename="../../ui/app.py" line="144" />
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="145" />
            <source>Something went wrong, but QC Station keeps running.

%1

The details are in the log file:
%2</source>
            <translation>出现了问题，但 QC Station 仍在继续运行。

%1

详细信息见日志文件：
%2</translation>
        </message>
    </context>
    <context>
        <name>EvalTableModel</name>
        <message>
            <location filename="../../widgets/eval_table.py" line="35" />
            <source>Image</source>
            <translation>图像</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="35" />
            <source>True label</source>
            <translation>真实标签</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="35" />
            <source>Prediction</source>
            <translation>预测</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="35" />
            <source>Score</source>
            <translation>分数</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="36" />
            <source>Defect type</source>
            <translation>缺陷类型</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="95" />
            <source>missed defect</source>
            <translation>漏检</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="95" />
            <source>over-detection</source>
            <translation>过检</translation>
        </message>
    </context>
    <context>
        <name>EvaluatePage</name>
        <message>
            <location filename="../../ui/evaluate_page.py" line="96" />
            <location filename="../../ui/evaluate_page.py" line="288" />
            <source>Evaluate</source>
            <translation>模型评估</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="212" />
            <location filename="../../ui/evaluate_page.py" line="474" />
            <source>true OK</source>
            <translation>真实 OK</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="213" />
            <location filename="../../ui/evaluate_page.py" line="475" />
            <source>true NG</source>
            <translation>真实 NG</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="234" />
            <location filename="../../ui/evaluate_page.py" line="487" />
            <source>Use this threshold</source>
            <translation>使用此阈值</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="248" />
            <source>Score per true label</source>
            <translation>按真实标签的分数分布</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="406" />
            <source>{0}: {1} images ({2} OK, {3} NG), model {4}</source>
            <translation>{0}：{1} 张图像（{2} OK，{3} NG），模型 {4}</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="476" />
            <source>anomaly score</source>
            <translation>异常分数</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="482" />
            <source>Set the active model's threshold to this value</source>
            <translation>将当前模型的阈值设为此值</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="483" />
            <source>Only for the active model: evaluate it (or load this model) first</source>
            <translation>仅适用于当前模型：请先评估当前模型（或加载此模型）</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="488" />
            <source>Set the active model's threshold to {0:.4g}? The line judges with it from the next part.</source>
            <translation>将当前模型的阈值设为 {0:.4g}？产线将从下一件开始按此阈值判定。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="503" />
            <source>The active model now uses threshold {0:.4g}.</source>
            <translation>当前模型现已使用阈值 {0:.4g}。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="595" />
            <source>Export per-image CSV</source>
            <translation>导出逐图 CSV</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="596" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="600" />
            <source>Written: {0}</source>
            <translation>已写入：{0}</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="602" />
            <location filename="../../ui/evaluate_page.py" line="613" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="607" />
            <source>Export figures into folder</source>
            <translation>将图形导出到文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="611" />
            <source>{0} files written to {1}</source>
            <translation>已写入 {0} 个文件到 {1}</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="616" />
            <source>Evaluate: ↑ / ↓</source>
            <translation>模型评估：↑ / ↓</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="616" />
            <source>previous / next image</source>
            <translation>上一张 / 下一张图像</translation>
        </message>
    </context>
    <context>
        <name>FirstRunPanel</name>
        <message>
            <location filename="../../ui/first_run.py" line="133" />
            <source>No model loaded yet</source>
            <translation>尚未加载模型</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="134" />
            <source>QC Station judges each part against a model of good parts. Choose how to get one:</source>
            <translation>QC Station 依据良品模型判定每个工件。请选择获取模型的方式：</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="136" />
            <source>Train from a folder of good images</source>
            <translation>用良品图像文件夹训练</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="137" />
            <source>A few dozen photos of good parts are enough; training takes a minute or two on this PC.</source>
            <translation>几十张良品照片即可；在本机上训练约需一两分钟。</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="139" />
            <location filename="../../ui/first_run.py" line="148" />
            <source>Open a model file</source>
            <translation>打开模型文件</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="140" />
            <source>A .qcs model trained on another station or exported earlier.</source>
            <translation>在其他工位训练或之前导出的 .qcs 模型。</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="141" />
            <source>Try the sample</source>
            <translation>试用示例</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="142" />
            <source>Trains a model on built-in synthetic parts and plays its test images, so you see OK and NG verdicts at once.</source>
            <translation>用内置的合成工件训练模型并播放其测试图像，立即看到 OK 与 NG 判定。</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="144" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="149" />
            <source>QC Station models (*.qcs);;All files (*)</source>
            <translation>QC Station 模型 (*.qcs);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="154" />
            <source>Loading %1 …</source>
            <translation>正在加载 %1 …</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="177" />
            <source>Model not loaded</source>
            <translation>模型未加载</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="178" />
            <source>The model could not be opened:
%1</source>
            <translation>无法打开模型：
%1</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="198" />
            <source>Preparing the sample…</source>
            <translation>正在准备示例…</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="204" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="226" />
            <source>The sample could not be prepared: %1</source>
            <translation>无法准备示例：%1</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="230" />
            <source>Sample cancelled.</source>
            <translation>示例已取消。</translation>
        </message>
    </context>
    <context>
        <name>GroupedBarChart</name>
        <message>
            <location filename="../../widgets/charts.py" line="182" />
            <source>category</source>
            <translation>类别</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <location filename="../../ui/help_dialog.py" line="15" />
            <source>Help: keyboard shortcuts</source>
            <translation>帮助：键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="21" />
            <source>No model yet? The Live page offers: train from a folder of good images, open a model file, or try the built-in sample.</source>
            <translation>还没有模型？实时页面提供：用良品图像文件夹训练、打开模型文件，或试用内置示例。</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="23" />
            <source>Live page: choose an image folder, a video file or a camera, then Start. Images posted to the HTTP endpoint show there too.</source>
            <translation>实时页面：选择图像文件夹、视频文件或相机，然后点击开始。通过 HTTP 接口提交的图像也会显示在这里。</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="25" />
            <source>Click a thumbnail in the NG strip to look at that part again; Esc returns to the live stream.</source>
            <translation>点击 NG 缩略图可再次查看该工件；按 Esc 返回实时画面。</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="27" />
            <source>F11 switches to operator mode: full screen, big verdict and counters.</source>
            <translation>F11 切换到操作员模式：全屏、大号判定与计数。</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="29" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="30" />
            <source>Getting started</source>
            <translation>快速入门</translation>
        </message>
    </context>
    <context>
        <name>HistoryPage</name>
        <message>
            <source>Records</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>审计记录</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="146" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="147" />
            <source>Export every record matching the current filter</source>
            <translation>导出符合当前筛选条件的全部记录</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="186" />
            <source>History</source>
            <translation>历史记录</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="233" />
            <source>Verdict</source>
            <translation>判定</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="344" />
            <source>The start date is after the end date.</source>
            <translation>开始日期晚于结束日期。</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="347" />
            <source>The minimum score is above the maximum.</source>
            <translation>最小分数大于最大分数。</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="351" />
            <source>No history database.</source>
            <translation>没有历史数据库。</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="359" />
            <source>Searching…</source>
            <translation>正在搜索…</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="380" />
            <source>Search failed: {0}</source>
            <translation>搜索失败：{0}</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="383" />
            <source>{0} records</source>
            <translation>{0} 条记录</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="406" />
            <source>More than {0} records (counting…)</source>
            <translation>超过 {0} 条记录（正在计数…）</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="440" />
            <source>{0} new — show newest</source>
            <translation>{0} 条新记录 — 显示最新</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="510" />
            <location filename="../../ui/history_page.py" line="529" />
            <source>Export history as CSV</source>
            <translation>将历史记录导出为 CSV</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="511" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="520" />
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="524" />
            <source>Exported {0} records to {1}</source>
            <translation>已导出 {0} 条记录到 {1}</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="528" />
            <source>Export failed: {0}</source>
            <translation>导出失败：{0}</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="534" />
            <source>History: ↑ / ↓</source>
            <translation>历史记录：↑ / ↓</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="534" />
            <source>previous / next record</source>
            <translation>上一条 / 下一条记录</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="535" />
            <source>History: Ctrl+F</source>
            <translation>历史记录：Ctrl+F</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="535" />
            <source>search by name</source>
            <translation>按名称搜索</translation>
        </message>
    </context>
    <context>
        <name>LineChart</name>
        <message>
            <location filename="../../widgets/charts.py" line="214" />
            <source>category</source>
            <translation>类别</translation>
        </message>
    </context>
    <context>
        <name>LivePage</name>
        <message>
            <location filename="../../ui/live_page.py" line="134" />
            <source>Live</source>
            <translation>实时检测</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="339" />
            <source>Space</source>
            <translation>空格</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="339" />
            <source>Live: start / stop the source</source>
            <translation>实时：开始 / 停止图像源</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="340" />
            <source>Live: single-shot trigger (one frame)</source>
            <translation>实时：单次触发（一帧）</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="341" />
            <source>Live: heatmap on / off</source>
            <translation>实时：热力图开 / 关</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="342" />
            <source>Live: fit the image to the view (or double-click it)</source>
            <translation>实时：图像适应窗口（或双击图像）</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="343" />
            <source>Wheel / drag</source>
            <translation>滚轮 / 拖动</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="343" />
            <source>Live: zoom / pan the image</source>
            <translation>实时：缩放 / 平移图像</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="344" />
            <source>Live: back to the live stream after showing an NG part</source>
            <translation>实时：查看 NG 工件后返回实时画面</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="348" />
            <source>Source:</source>
            <translation>图像源：</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="349" />
            <source>Image folder</source>
            <translation>图像文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="349" />
            <location filename="../../ui/live_page.py" line="358" />
            <location filename="../../ui/live_page.py" line="575" />
            <source>Video file</source>
            <translation>视频文件</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="349" />
            <source>Camera</source>
            <translation>相机</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="351" />
            <location filename="../../ui/live_page.py" line="570" />
            <source>Folder of part images</source>
            <translation>工件图像文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="352" />
            <location filename="../../ui/live_page.py" line="359" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="353" />
            <source>every</source>
            <translation>间隔</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="354" />
            <source>Time between two parts; 0 = as fast as inference allows</source>
            <translation>两个工件之间的时间；0 = 推理允许的最快速度</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="355" />
            <source>Shuffle</source>
            <translation>随机</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="356" />
            <location filename="../../ui/live_page.py" line="360" />
            <source>Loop</source>
            <translation>循环</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="357" />
            <source>Subfolders</source>
            <translation>子文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="361" />
            <source>As fast as inference allows</source>
            <translation>按推理最快速度</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="362" />
            <source>Index</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="363" />
            <source>Resolution</source>
            <translation>分辨率</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="364" />
            <source>Driver default</source>
            <translation>驱动默认</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="365" />
            <source>Exposure</source>
            <translation>曝光</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="366" />
            <location filename="../../ui/live_page.py" line="368" />
            <source>auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="367" />
            <source>Gain</source>
            <translation>增益</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="369" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="370" />
            <source>Start the source (Space)</source>
            <translation>启动图像源（空格）</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="371" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="372" />
            <source>Stop the source (Space)</source>
            <translation>停止图像源（空格）</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="373" />
            <source>Trigger</source>
            <translation>触发</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="374" />
            <source>Inspect one frame (T)</source>
            <translation>检测一帧（T）</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="375" />
            <source>Heatmap</source>
            <translation>热力图</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="376" />
            <source>Show the anomaly heatmap (H)</source>
            <translation>显示异常热力图（H）</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="377" />
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="378" />
            <source>Fit</source>
            <translation>适应</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="379" />
            <source>Fit the image to the view (F, or double-click)</source>
            <translation>图像适应窗口（F 或双击）</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="380" />
            <source>Back to live</source>
            <translation>返回实时</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="381" />
            <source>Waiting for parts</source>
            <translation>等待工件</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="382" />
            <source>Last NG parts (click to show)</source>
            <translation>最近的 NG 件（点击查看）</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="383" />
            <source>Choose a source and press Start,
or post images to the endpoint.</source>
            <translation>请选择图像源并点击开始，
或向接口提交图像。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="446" />
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="447" />
            <source>Train a model from the command line:
python main.py train --ok FOLDER --out model.qcs
then open it here.</source>
            <translation>请在命令行中训练模型：
python main.py train --ok 文件夹 --out model.qcs
然后在此打开。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="458" />
            <source>Choose a folder of images first.</source>
            <translation>请先选择图像文件夹。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="460" />
            <source>The folder does not exist: %1</source>
            <translation>文件夹不存在：%1</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="468" />
            <source>Choose a video file first.</source>
            <translation>请先选择视频文件。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="470" />
            <source>The video file does not exist: %1</source>
            <translation>视频文件不存在：%1</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="492" />
            <source>No model loaded: train or open one first.</source>
            <translation>未加载模型：请先训练或打开一个模型。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="540" />
            <source>Stop the stream to use single-shot triggers.</source>
            <translation>请先停止连续采集，再使用单次触发。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="549" />
            <source>Source stopped: %1</source>
            <translation>图像源已停止：%1</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="556" />
            <source>The source has ended.</source>
            <translation>图像源已播放完毕。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="576" />
            <source>Videos (*.avi *.mp4 *.mkv *.mov *.wmv);;All files (*)</source>
            <translation>视频 (*.avi *.mp4 *.mkv *.mov *.wmv);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="585" />
            <source>Inspection failed: %1</source>
            <translation>检测失败：%1</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="648" />
            <source>NG part held: </source>
            <translation>正在查看 NG 件：</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="660" />
            <source>score %1 / threshold %2</source>
            <translation>分数 %1 / 阈值 %2</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="662" />
            <source>Defects: %1 · processing %2 ms</source>
            <translation>缺陷：%1 · 处理 %2 ms</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="688" />
            <source>Shift %1 started: counters restarted.</source>
            <translation>班次 %1 开始：计数已重新开始。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="692" />
            <source>Shift %1 · counting since %2</source>
            <translation>班次 %1 · 自 %2 起计数</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="695" />
            <source>Counting since %1</source>
            <translation>自 %1 起计数</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="707" />
            <source>Processing %1 ms · %2 parts/s · %3 frames dropped</source>
            <translation>处理 %1 ms · %2 件/秒 · 丢帧 %3</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="712" />
            <source>Camera lost: reconnecting…</source>
            <translation>相机连接中断：正在重新连接…</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="714" />
            <source>The camera driver ignores: %1</source>
            <translation>相机驱动不支持：%1</translation>
        </message>
    <message>
            <source>Enter</source>
            <translation>回车</translation>
        </message>
        <message>
            <source>Live: leave a text field, so Space and T work again</source>
            <translation>实时：离开文本框，使空格和 T 重新生效</translation>
        </message>
        <message>
            <source>%1 × threshold · score %2 / threshold %3</source>
            <translation>%1 × 阈值 · 分数 %2 / 阈值 %3</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="97" />
            <source>QC Station</source>
            <translation>QC Station</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="166" />
            <source>Endpoint: off</source>
            <translation>接口：关闭</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="184" />
            <source>No model loaded</source>
            <translation>未加载模型</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="186" />
            <source>Model: %1</source>
            <translation>模型：%1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="189" />
            <source>Queue %1/%2</source>
            <translation>队列 %1/%2</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="197" />
            <source>Operator mode (full screen)</source>
            <translation>操作员模式（全屏）</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="202" />
            <location filename="../../ui/main_window.py" line="240" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="228" />
            <source>Operator mode: full screen, big fonts</source>
            <translation>操作员模式：全屏、大字体</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="229" />
            <source>This help</source>
            <translation>本帮助</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="230" />
            <source>Go to page 1 … 9</source>
            <translation>转到第 1 … 9 页</translation>
        </message>
    <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Go to page 1 … %1</source>
            <translation>转到第 1 … %1 页</translation>
        </message>
    </context>
    <context>
        <name>ModelsPage</name>
        <message>
            <location filename="../../ui/models_page.py" line="103" />
            <source>Models</source>
            <translation>模型管理</translation>
        </message>
        <message>
            <location filename="../../ui/models_page.py" line="237" />
            <source>Models: delete the selected model</source>
            <translation>模型管理：删除所选模型</translation>
        </message>
        <message>
            <location filename="../../ui/models_page.py" line="238" />
            <source>Models: rename the selected model</source>
            <translation>模型管理：重命名所选模型</translation>
        </message>
        <message>
            <location filename="../../ui/models_page.py" line="239" />
            <source>Models: activate the selected model</source>
            <translation>模型管理：启用所选模型</translation>
        </message>
        <message>
            <location filename="../../ui/models_page.py" line="337" />
            <source>A model needs a name.</source>
            <translation>模型需要一个名称。</translation>
        </message>
    </context>
    <context>
        <name>RecordDetailPanel</name>
        <message>
            <location filename="../../widgets/detail_panel.py" line="124" />
            <location filename="../../widgets/detail_panel.py" line="226" />
            <source>Select a record to see its details.</source>
            <translation>选择一条记录以查看详情。</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="129" />
            <source>Original image</source>
            <translation>原始图像</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="130" />
            <source>Annotated: heatmap and defect boxes</source>
            <translation>标注图：热力图与缺陷框</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="132" />
            <source>Original</source>
            <translation>原图</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="133" />
            <source>Annotated</source>
            <translation>标注图</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="137" />
            <source>x</source>
            <translation>x</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="137" />
            <source>y</source>
            <translation>y</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="137" />
            <source>width</source>
            <translation>宽</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="137" />
            <source>height</source>
            <translation>高</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="137" />
            <source>area</source>
            <translation>面积</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="137" />
            <location filename="../../widgets/detail_panel.py" line="233" />
            <source>score</source>
            <translation>分数</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="147" />
            <source>Regions</source>
            <translation>缺陷区域</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="148" />
            <source>Context (PEKAT)</source>
            <translation>上下文（PEKAT）</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="149" />
            <source>Review</source>
            <translation>复核</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="151" />
            <source>Copy image</source>
            <translation>复制图像</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="152" />
            <source>Copy annotated</source>
            <translation>复制标注图</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="153" />
            <source>Open image folder</source>
            <translation>打开图像文件夹</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="187" />
            <source>Operator review</source>
            <translation>人工复核</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="188" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="189" />
            <source>NG</source>
            <translation>NG</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="194" />
            <source>Note (optional): why, who, batch…</source>
            <translation>备注（可选）：原因、人员、批次…</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="196" />
            <source>Save review</source>
            <translation>保存复核</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="201" />
            <source>Verdict:</source>
            <translation>判定：</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="207" />
            <source>Note:</source>
            <translation>备注：</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="233" />
            <source>defects</source>
            <translation>缺陷数</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="234" />
            <source>source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="234" />
            <source>model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="242" />
            <source>loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="244" />
            <source>Image pruned by quota</source>
            <translation>图像因存储配额已被清理</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="248" />
            <source>Image not saved (saving rule)</source>
            <translation>图像未保存（保存规则）</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="252" />
            <location filename="../../widgets/detail_panel.py" line="253" />
            <source>not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="271" />
            <source>image file missing</source>
            <translation>图像文件缺失</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="290" />
            <source>Reviewed {0}: {1} (machine said {2})</source>
            <translation>已于 {0} 复核：{1}（机器判定 {2}）</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="293" />
            <source>Not reviewed yet (machine verdict {0}).</source>
            <translation>尚未复核（机器判定 {0}）。</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="301" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="306" />
            <source>Review not saved: {0}</source>
            <translation>复核未保存：{0}</translation>
        </message>
    <message>
            <location filename="../../widgets/detail_panel.py" line="1" />
            <source>Find similar</source>
            <translation>查找相似</translation>
        </message>
    </context>
    <context>
        <name>RecordTableModel</name>
        <message>
            <location filename="../../widgets/record_table.py" line="56" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="56" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="56" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="56" />
            <source>Part ID</source>
            <translation>工件编号</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="57" />
            <source>Verdict</source>
            <translation>判定</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="57" />
            <source>Defects</source>
            <translation>缺陷数</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="57" />
            <source>Score</source>
            <translation>分数</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="57" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="222" />
            <source>{0} (was {1})</source>
            <translation>{0}（原为 {1}）</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="238" />
            <source>Reviewed by the operator: {0}</source>
            <translation>操作员复核：{0}</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="240" />
            <source>normalized score {0:.3f} (1.0 = threshold)</source>
            <translation>归一化分数 {0:.3f}（1.0 = 阈值）</translation>
        </message>
    <message>
            <source>{0:.3f} × the threshold (1.0 = threshold); raw score {1:.4g}</source>
            <translation>{0:.3f} × 阈值（1.0 = 阈值）；原始分数 {1:.4g}</translation>
        </message>
    </context>
    <context>
        <name>ScoreHistogram</name>
        <message>
            <location filename="../../widgets/charts.py" line="229" />
            <source>threshold {value:.3g}</source>
            <translation>阈值 {value:.3g}</translation>
        </message>
        <message>
            <location filename="../../widgets/charts.py" line="261" />
            <source>bin start</source>
            <translation>区间起点</translation>
        </message>
        <message>
            <location filename="../../widgets/charts.py" line="261" />
            <source>bin end</source>
            <translation>区间终点</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../ui/settings_page.py" line="86" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="105" />
            <source>Start the HTTP endpoint with the window</source>
            <translation>随窗口启动 HTTP 接口</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="107" />
            <source>127.0.0.1: this PC only; 0.0.0.0: every network interface</source>
            <translation>127.0.0.1：仅本机；0.0.0.0：所有网络接口</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="112" />
            <source>empty: no key required</source>
            <translation>留空：无需密钥</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="113" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="116" />
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="121" />
            <source> megapixels</source>
            <translation> 百万像素</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="122" />
            <source>Larger images are refused with HTTP 413.</source>
            <translation>更大的图像将以 HTTP 413 拒绝。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="130" />
            <source>HTTP endpoint (PEKAT VISION protocol)</source>
            <translation>HTTP 接口（PEKAT VISION 协议）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="133" />
            <source>Host:</source>
            <translation>主机：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="135" />
            <source>Port:</source>
            <translation>端口：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="137" />
            <source>API key:</source>
            <translation>API 密钥：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="139" />
            <source>Max. image size:</source>
            <translation>最大图像尺寸：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="141" />
            <source>Host, port and on/off take effect after a restart; the API key and the image size limit at once.</source>
            <translation>主机、端口和开关在重启后生效；API 密钥和图像尺寸限制立即生效。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="146" />
            <source>All images</source>
            <translation>全部图像</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="147" />
            <source>NG images only</source>
            <translation>仅 NG 图像</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="148" />
            <source>No images (results only)</source>
            <translation>不保存图像（仅结果）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="153" />
            <source>The oldest images are deleted beyond this size (results are kept).</source>
            <translation>超过此容量时删除最早的图像（保留结果）。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="158" />
            <source>Saving pauses, with a warning, below this free disk space.</source>
            <translation>磁盘剩余空间低于此值时暂停保存并发出警告。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="160" />
            <source>default: the user's data folder</source>
            <translation>默认：用户数据文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="161" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="164" />
            <source>optional, e.g. http://es-server:9200</source>
            <translation>可选，例如 http://es-server:9200</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="167" />
            <source>History and images</source>
            <translation>历史记录与图像</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="169" />
            <source>Save images:</source>
            <translation>保存图像：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="170" />
            <source>Disk quota:</source>
            <translation>磁盘配额：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="171" />
            <source>Keep free:</source>
            <translation>保留空闲：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="172" />
            <source>Data folder:</source>
            <translation>数据文件夹：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="174" />
            <source>A new data folder (history database, images, models, logs) is used after a restart; existing data is not moved.</source>
            <translation>新的数据文件夹（历史数据库、图像、模型、日志）在重启后启用；现有数据不会被移动。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="176" />
            <source>Elasticsearch URL:</source>
            <translation>Elasticsearch 地址：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="178" />
            <source>Elasticsearch index:</source>
            <translation>Elasticsearch 索引：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="183" />
            <source>Automatic (CUDA when present)</source>
            <translation>自动（有 CUDA 时使用）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="184" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="185" />
            <source>CUDA (NVIDIA GPU)</source>
            <translation>CUDA（NVIDIA GPU）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="190" />
            <source>No CUDA GPU is available on this PC (torch.cuda.is_available() is false).</source>
            <translation>本机没有可用的 CUDA GPU（torch.cuda.is_available() 为 false）。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="192" />
            <source>System language</source>
            <translation>系统语言</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="196" />
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="197" />
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="198" />
            <source>Station</source>
            <translation>工位</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="200" />
            <source>Device:</source>
            <translation>设备：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="202" />
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="203" />
            <source>Theme:</source>
            <translation>主题：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="204" />
            <source>Device and language take effect after a restart; the theme at once.</source>
            <translation>设备与语言在重启后生效；主题立即生效。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="208" />
            <source>Shift</source>
            <translation>班次</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="208" />
            <source>Starts (HH:MM)</source>
            <translation>开始时间（HH:MM）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="213" />
            <source>Add shift</source>
            <translation>添加班次</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="214" />
            <source>Remove shift</source>
            <translation>删除班次</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="217" />
            <source>Shifts</source>
            <translation>班次</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="222" />
            <source>Counters and reports group parts by shift; a shift may cross midnight.</source>
            <translation>计数与报告按班次统计；班次可以跨越午夜。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="225" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="226" />
            <source>Revert</source>
            <translation>还原</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="278" />
            <source>Choose the data folder</source>
            <translation>选择数据文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="289" />
            <source>⚠ The endpoint will be reachable from the network without an API key: anyone on it can post images and read the history. Set an API key.</source>
            <translation>⚠ 接口将在没有 API 密钥的情况下对网络开放：网络上的任何人都可以提交图像并读取历史记录。请设置 API 密钥。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="428" />
            <source>Not saved.</source>
            <translation>未保存。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="447" />
            <source>Cannot write the settings file: %1</source>
            <translation>无法写入设置文件：%1</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="450" />
            <source>Saved. Some changes take effect after a restart.</source>
            <translation>已保存。部分更改在重启后生效。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="451" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="467" />
            <source>Saved, but the image store could not switch: %1</source>
            <translation>已保存，但图像存储无法切换：%1</translation>
        </message>
    <message>
            <location filename="../../ui/settings_page.py" line="350" />
            <source>Host must be an IP address or a host name (e.g. 127.0.0.1 or 0.0.0.0).</source>
            <translation>主机必须是 IP 地址或主机名（例如 127.0.0.1 或 0.0.0.0）。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="354" />
            <source>Port must be a whole number from 1 to 65535 (got “%1”).</source>
            <translation>端口必须是 1 到 65535 之间的整数（当前为“%1”）。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="357" />
            <source>An API key needs at least 8 characters and no spaces.</source>
            <translation>API 密钥至少需要 8 个字符且不能包含空格。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="366" />
            <source>The data folder must be an absolute path.</source>
            <translation>数据文件夹必须是绝对路径。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="368" />
            <source>The data folder path is a file, not a folder.</source>
            <translation>数据文件夹路径是一个文件，而不是文件夹。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="371" />
            <source>The Elasticsearch URL must start with http:// or https://.</source>
            <translation>Elasticsearch 地址必须以 http:// 或 https:// 开头。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="374" />
            <source>The Elasticsearch index must be lowercase letters, digits, '-', '_' or '.'.</source>
            <translation>Elasticsearch 索引只能包含小写字母、数字、'-'、'_' 或 '.'。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="381" />
            <source>CUDA is not available on this PC.</source>
            <translation>本机没有可用的 CUDA。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="388" />
            <source>Define at least one shift.</source>
            <translation>请至少定义一个班次。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="391" />
            <source>Shift %1 has no name.</source>
            <translation>班次 %1 没有名称。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="393" />
            <source>Shift name “%1” is used twice.</source>
            <translation>班次名称“%1”重复。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="395" />
            <source>Shift “%1”: start “%2” is not a time like 06:00.</source>
            <translation>班次“%1”：开始时间“%2”不是像 06:00 这样的时间。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="398" />
            <source>Two shifts start at the same time.</source>
            <translation>两个班次的开始时间相同。</translation>
        </message>
        </context>
    <context>
        <name>ShiftCounters</name>
        <message>
            <location filename="../../widgets/counters.py" line="43" />
            <source>Total</source>
            <translation>总数</translation>
        </message>
        <message>
            <location filename="../../widgets/counters.py" line="43" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../widgets/counters.py" line="43" />
            <source>NG</source>
            <translation>NG</translation>
        </message>
        <message>
            <location filename="../../widgets/counters.py" line="43" />
            <source>Yield</source>
            <translation>良率</translation>
        </message>
        <message>
            <location filename="../../widgets/counters.py" line="46" />
            <source>Reset</source>
            <translation>清零</translation>
        </message>
        <message>
            <location filename="../../widgets/counters.py" line="47" />
            <source>Start counting a new shift</source>
            <translation>开始新班次计数</translation>
        </message>
    <message>
            <source>Reset the counters</source>
            <translation>计数清零</translation>
        </message>
        <message>
            <source>Set the shift counters (%1 parts, %2 NG) back to zero?</source>
            <translation>将本班计数（%1 个零件，%2 个不良）清零吗？</translation>
        </message>
    </context>
    <context>
        <name>ShiftReport</name>
        <message>
            <source>no model loaded</source>
            <translation>未加载模型</translation>
        </message>
        <message>
            <source>threshold %1</source>
            <translation>阈值 %1</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="27" />
            <source>Charts</source>
            <translation>图表</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="28" />
            <source>Counts</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="29" />
            <source>Defects found</source>
            <translation>发现缺陷</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="30" />
            <source>Inspected</source>
            <translation>检测数</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="31" />
            <source>Last NG parts</source>
            <translation>最近的 NG 件</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="32" />
            <source>NG</source>
            <translation>NG</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="33" />
            <source>NG rate</source>
            <translation>NG 率</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="34" />
            <source>No NG parts in this period.</source>
            <translation>本时段没有 NG 件。</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="35" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="36" />
            <source>Per shift</source>
            <translation>按班次</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="37" />
            <source>Period</source>
            <translation>时段</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="38" />
            <source>QC Station shift report</source>
            <translation>QC Station 班次报告</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="39" />
            <source>Shift</source>
            <translation>班次</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="40" />
            <source>Yield</source>
            <translation>良率</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="41" />
            <source>defects</source>
            <translation>缺陷数</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="42" />
            <source>generated</source>
            <translation>生成于</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="43" />
            <source>image not saved</source>
            <translation>图像未保存</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="44" />
            <source>image pruned by quota</source>
            <translation>图像因配额已被清理</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="45" />
            <source>score</source>
            <translation>分数</translation>
        </message>
    <message>
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Where defects sit (NG parts)</source>
            <translation>缺陷位置（不良零件）</translation>
        </message>
        </context>
    <context>
        <name>StationShell</name>
        <message>
            <location filename="../../ui/app.py" line="198" />
            <source>Endpoint: off (enable it in the settings)</source>
            <translation>接口：关闭（可在设置中启用）</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="216" />
            <source>Endpoint not running: %1</source>
            <translation>接口未运行：%1</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="221" />
            <source>Endpoint %1</source>
            <translation>接口 %1</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="222" />
            <source>Line PLCs and scripts post images to %1/analyze_image</source>
            <translation>产线 PLC 与脚本将图像提交到 %1/analyze_image</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="226" />
            <source>Endpoint open to the network without an API key</source>
            <translation>接口对网络开放且没有 API 密钥</translation>
        </message>
    </context>
    <context>
        <name>StatisticsPage</name>
        <message>
            <source>Records and NG parts per hour</source>
            <translation>每小时记录数和 NG 件数</translation>
        </message>
        <message>
            <source>hour</source>
            <translation>小时</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="60" />
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="60" />
            <source>Current shift</source>
            <translation>当前班次</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="61" />
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="61" />
            <source>Last 15 days</source>
            <translation>最近 15 天</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="62" />
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="75" />
            <source>Export charts…</source>
            <translation>导出图表…</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="76" />
            <source>Write every chart as PNG and its numbers as CSV into a folder</source>
            <translation>将每张图表写为 PNG，并将数据写为 CSV 到一个文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="77" />
            <source>Shift report…</source>
            <translation>班次报告…</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="78" />
            <source>A printable report (HTML or PDF) of the period</source>
            <translation>本时段的可打印报告（HTML 或 PDF）</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="79" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="82" />
            <source>Period</source>
            <translation>时段</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="94" />
            <source>Records and defects per day</source>
            <translation>每日记录数与缺陷数</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="95" />
            <location filename="../../ui/statistics_page.py" line="221" />
            <source>NG rate per day</source>
            <translation>每日 NG 率</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="96" />
            <source>NG rate per shift</source>
            <translation>每班次 NG 率</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="97" />
            <source>Score distribution (1.0 = threshold)</source>
            <translation>分数分布（1.0 = 阈值）</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="98" />
            <source>Defects per part</source>
            <translation>每件缺陷数</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="112" />
            <source>Right-click: save as PNG or CSV</source>
            <translation>右键：另存为 PNG 或 CSV</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="137" />
            <source>Statistics</source>
            <translation>统计分析</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="181" />
            <source>No history database.</source>
            <translation>没有历史数据库。</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="200" />
            <source>Statistics unavailable: {0}</source>
            <translation>统计不可用：{0}</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="208" />
            <source>Inspected</source>
            <translation>检测数</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="208" />
            <location filename="../../ui/statistics_page.py" line="233" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="208" />
            <location filename="../../ui/statistics_page.py" line="233" />
            <source>NG</source>
            <translation>NG</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="209" />
            <source>Yield</source>
            <translation>良率</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="209" />
            <source>Defects found</source>
            <translation>发现缺陷</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="217" />
            <source>records</source>
            <translation>记录数</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="218" />
            <source>defects</source>
            <translation>缺陷数</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="219" />
            <source>date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="224" />
            <source>NG rate per hour</source>
            <translation>每小时 NG 率</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="227" />
            <location filename="../../ui/statistics_page.py" line="230" />
            <source>NG %</source>
            <translation>NG %</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="228" />
            <source>bucket</source>
            <translation>时间段</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="231" />
            <source>shift</source>
            <translation>班次</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="234" />
            <source>normalized score</source>
            <translation>归一化分数</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="236" />
            <source>parts</source>
            <translation>件数</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="237" />
            <source>defects per part</source>
            <translation>每件缺陷数</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="242" />
            <source>Save chart as PNG…</source>
            <translation>将图表另存为 PNG…</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="243" />
            <source>Save numbers as CSV…</source>
            <translation>将数据另存为 CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="246" />
            <source>Save chart</source>
            <translation>保存图表</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="247" />
            <source>PNG images (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="251" />
            <source>Save numbers</source>
            <translation>保存数据</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="252" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="260" />
            <location filename="../../ui/statistics_page.py" line="278" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="273" />
            <source>Export charts into folder</source>
            <translation>将图表导出到文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="280" />
            <source>{0} files written to {1}</source>
            <translation>已写入 {0} 个文件到 {1}</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="288" />
            <source>Save shift report</source>
            <translation>保存班次报告</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="289" />
            <source>PDF (*.pdf);;HTML (*.html)</source>
            <translation>PDF (*.pdf);;HTML (*.html)</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="301" />
            <location filename="../../ui/statistics_page.py" line="307" />
            <source>Shift report</source>
            <translation>班次报告</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="303" />
            <source>Report written to {0}</source>
            <translation>报告已写入 {0}</translation>
        </message>
    </context>
    <context>
        <name>TrainDialog</name>
        <message>
            <location filename="../../ui/train_dialog.py" line="166" />
            <source>Train a model</source>
            <translation>训练模型</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="169" />
            <source>Loading images</source>
            <translation>正在加载图像</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="170" />
            <source>Extracting features</source>
            <translation>正在提取特征</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="171" />
            <source>Building the memory bank</source>
            <translation>正在构建记忆库</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="172" />
            <source>Learning how OK parts vary</source>
            <translation>正在学习良品的正常变化</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="172" />
            <source>Calibrating the threshold</source>
            <translation>正在校准阈值</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="180" />
            <source>Training the flow</source>
            <translation>正在训练流模型</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="176" />
            <source>folder with images of good parts</source>
            <translation>良品图像文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="179" />
            <source>optional: defective parts, to calibrate the threshold</source>
            <translation>可选：不良品图像，用于校准阈值</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="182" />
            <location filename="../../ui/train_dialog.py" line="296" />
            <source>e.g. bottle-line-3</source>
            <translation>例如 bottle-line-3</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="188" />
            <source>Make it the active model when training succeeds</source>
            <translation>训练成功后设为当前模型</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="192" />
            <source>OK images:</source>
            <translation>OK 图像：</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="192" />
            <source>Choose the folder of OK images</source>
            <translation>选择 OK 图像文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="194" />
            <source>NG images:</source>
            <translation>NG 图像：</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="194" />
            <source>Choose the folder of NG images</source>
            <translation>选择 NG 图像文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="196" />
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="197" />
            <source>Algorithm:</source>
            <translation>算法：</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="201" />
            <source>Set the algorithm parameters myself</source>
            <translation>自行设置算法参数</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="202" />
            <source>Algorithm parameters</source>
            <translation>算法参数</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="207" />
            <source>Defaults</source>
            <translation>默认值</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="216" />
            <source>Ready.</source>
            <translation>就绪。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="226" />
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="228" />
            <source>Cancel training</source>
            <translation>取消训练</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="230" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="267" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="298" />
            <source>Need at least %1 images of good parts.</source>
            <translation>至少需要 %1 张良品图像。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="300" />
            <source>This folder does not exist.</source>
            <translation>此文件夹不存在。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="302" />
            <location filename="../../ui/train_dialog.py" line="310" />
            <source>%1 images found.</source>
            <translation>找到 %1 张图像。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="304" />
            <source>Need at least %1.</source>
            <translation>至少需要 %1 张。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="306" />
            <source>More images (20 or more) give a more reliable model.</source>
            <translation>更多图像（20 张以上）可得到更可靠的模型。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="312" />
            <source>Without NG images the threshold is set from held-out OK images.</source>
            <translation>没有 NG 图像时，阈值由留出的 OK 图像确定。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="324" />
            <source>Choose an existing folder of OK images.</source>
            <translation>请选择一个存在的 OK 图像文件夹。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="328" />
            <source>Need at least %1 OK images; this folder has %2.</source>
            <translation>至少需要 %1 张 OK 图像；此文件夹只有 %2 张。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="335" />
            <source>The NG folder does not exist.</source>
            <translation>NG 文件夹不存在。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="339" />
            <source>The NG folder has no images; clear it or choose another one.</source>
            <translation>NG 文件夹中没有图像；请清空该项或另选文件夹。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="372" />
            <source>Starting…</source>
            <translation>正在启动…</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="385" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="415" />
            <source>Trained “%1” in %2 s; saved as %3.</source>
            <translation>已训练“%1”，用时 %2 秒；保存为 %3。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="420" />
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="433" />
            <source>The model was saved but could not be activated: %1</source>
            <translation>模型已保存，但无法启用：%1</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="437" />
            <source>Training failed.</source>
            <translation>训练失败。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="442" />
            <source>Training cancelled; nothing was saved.</source>
            <translation>训练已取消；未保存任何内容。</translation>
        </message>
    <message>
            <source>Not validated yet: without NG images the threshold comes from OK images only, and such a threshold can pass many defects (on a real commutator set it missed half of the cracks). Evaluate the model on a labelled folder with NG parts before it judges the line.</source>
            <translation>尚未验证：没有不良品图像时，阈值仅来自良品图像，这样的阈值可能漏检大量缺陷（在一组真实换向器上漏检了一半的裂纹）。请先在含不良品的带标注文件夹上评估模型，再用于产线判定。</translation>
        </message>
        <message>
            <source>Evaluate next…</source>
            <translation>接着评估…</translation>
        </message>
        <message>
            <source>The line is running: tick this to switch it to the new model when training ends (you will be asked to confirm).</source>
            <translation>产线正在运行：勾选后，训练结束时将产线切换到新模型（会请您确认）。</translation>
        </message>
        <message>
            <source>Not activated: the line keeps its model.</source>
            <translation>未激活：产线保留当前模型。</translation>
        </message>
    <message>
            <location filename="../../ui/train_dialog.py" />
            <source>Self-check: %1 % of synthetic defects caught at the threshold; about %2 % of good parts expected to be rejected.</source>
            <translation>自检：在当前阈值下检出 %1 % 的合成缺陷；预计约 %2 % 的良品会被误剔。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" />
            <source>This model will likely miss small defects on this part: add NG examples or more OK images.</source>
            <translation>该模型很可能漏检此零件上的小缺陷：请添加不良品样本或更多良品图像。</translation>
        </message>
        <message>
            <source>Each part is found, turned to one orientation and framed before it is inspected.</source>
            <translation>每个零件在检测前都会被定位、旋转到同一方向并裁剪到画框。</translation>
        </message>
        <message>
            <source>Each part is found, centred and framed before it is inspected.</source>
            <translation>每个零件在检测前都会被定位、居中并裁剪到画框。</translation>
        </message>
        </context>
    <context>
        <name>AlgorithmRegistry</name>
        <message>
            <source>CS-Flow (cross-scale normalising flow)</source>
            <translation>CS-Flow（跨尺度归一化流）</translation>
        </message>
        <message>
            <source>Learns from OK images only. A normalising flow trained for this part judges each position at three image scales together; slower to train (minutes) than PatchCore, for surfaces where defects differ from normal variation in texture and context rather than in a single patch.</source>
            <translation>只用良品图像学习。为该零件训练的归一化流在三个图像尺度上同时判断每个位置；训练比 PatchCore 慢（数分钟），适合缺陷在纹理和上下文上、而不是在单个图像块上区别于正常变化的表面。</translation>
        </message>
        <message>
            <source>analysed size of the finest scale: about input_size² pixels (area), the long side (long_side, cap) or both sides (square); the other scales are 1/2 and 1/4</source>
            <translation>最精细尺度的分析尺寸：约 input_size² 像素（area）、长边（long_side、cap）或两边（square）；其余尺度为 1/2 和 1/4</translation>
        </message>
        <message>
            <source>backbone stage read at each of the three scales</source>
            <translation>在三个尺度上读取的主干网络阶段</translation>
        </message>
        <message>
            <source>coupling blocks of the flow (more = more flexible, slower)</source>
            <translation>流的耦合块数（越多越灵活，也越慢）</translation>
        </message>
        <message>
            <source>width of the cross-scale convolutions inside each coupling</source>
            <translation>每个耦合块内跨尺度卷积的宽度</translation>
        </message>
        <message>
            <source>soft clamp of the coupling's log-scale (stability)</source>
            <translation>耦合块对数尺度的软截断（稳定性）</translation>
        </message>
        <message>
            <source>Adam learning rate</source>
            <translation>Adam 学习率</translation>
        </message>
        <message>
            <source>feature maps per optimisation step</source>
            <translation>每个优化步的特征图数量</translation>
        </message>
        <message>
            <source>wall-clock budget for training the flow (s); training stops at this budget or after max_epochs, whichever comes first</source>
            <translation>训练流的时间预算（秒）；达到该预算或 max_epochs 时停止训练，以先到者为准</translation>
        </message>
        <message>
            <source>upper bound on passes over the training features</source>
            <translation>遍历训练特征的最大轮数</translation>
        </message>
        <message>
            <source>views per OK image (the original plus brightness/contrast-jittered copies); features are computed once per view</source>
            <translation>每张良品图像的视图数（原图加亮度/对比度扰动的副本）；每个视图只计算一次特征</translation>
        </message>
        <message>
            <source>OK images held out of training to calibrate</source>
            <translation>留出不参与训练、用于校准的良品图像比例</translation>
        </message>
        <message>
            <source>random seed (initialisation, permutations, batch order, jitter)</source>
            <translation>随机种子（初始化、通道置换、批次顺序、扰动）</translation>
        </message>
        <message>
            <source>PatchCore (memory bank of normal patches)</source>
            <translation>PatchCore（正常图像块记忆库）</translation>
        </message>
        <message>
            <source>Learns from OK images only. Each image patch is compared with the closest normal patch seen in training; tolerant to small shifts, good for textures and for parts that are not aligned.</source>
            <translation>只用良品图像学习。每个图像块与训练中见过的最接近的正常图像块比较；能容忍小的位移，适合纹理表面和未对齐的零件。</translation>
        </message>
        <message>
            <source>ImageNet feature extractor</source>
            <translation>ImageNet 特征提取网络</translation>
        </message>
        <message>
            <source>region of interest: left edge (px of the original image)</source>
            <translation>检测区域：左边缘（原图像素）</translation>
        </message>
        <message>
            <source>region of interest: top edge (px)</source>
            <translation>检测区域：上边缘（像素）</translation>
        </message>
        <message>
            <source>region of interest: width (px); 0 = the whole image</source>
            <translation>检测区域：宽度（像素）；0 = 整幅图像</translation>
        </message>
        <message>
            <source>region of interest: height (px); 0 = the whole image</source>
            <translation>检测区域：高度（像素）；0 = 整幅图像</translation>
        </message>
        <message>
            <source>analysed size: about input_size² pixels (area), the long side (long_side, cap) or both sides (square)</source>
            <translation>分析尺寸：约 input_size² 个像素（area），长边（long_side、cap）或两边（square）</translation>
        </message>
        <message>
            <source>area: keep the aspect ratio, scale to about input_size² pixels; square: squash to input_size²; long_side: long side = input_size; cap: keep native scale, shrink only above input_size</source>
            <translation>area：保持宽高比，缩放到约 input_size² 个像素；square：压缩为 input_size²；long_side：长边 = input_size；cap：保持原始比例，仅在超过 input_size 时缩小</translation>
        </message>
        <message>
            <source>mirrored border added before the network, cropped after (px, multiple of 8)</source>
            <translation>送入网络前添加的镜像边框，之后裁掉（像素，8 的倍数）</translation>
        </message>
        <message>
            <source>backbone stages merged into a patch feature</source>
            <translation>合并为图像块特征的网络层级</translation>
        </message>
        <message>
            <source>local aggregation window (patches)</source>
            <translation>局部聚合窗口（图像块）</translation>
        </message>
        <message>
            <source>contrast normalisation before the network</source>
            <translation>送入网络前的对比度归一化</translation>
        </message>
        <message>
            <source>fraction of training patches kept in the memory bank</source>
            <translation>记忆库保留的训练图像块比例</translation>
        </message>
        <message>
            <source>upper bound on memory-bank size (latency grows with it)</source>
            <translation>记忆库大小上限（越大延迟越高）</translation>
        </message>
        <message>
            <source>divide each patch's distance by the typical OK distance at that place in the image (learned leave-one-out from the OK images): edges and corners that always vary stop dominating the score</source>
            <translation>用良品在图像同一位置的典型距离（由良品图像留一法学得）去除每个图像块的距离：总在变化的边缘和角落不再主导评分</translation>
        </message>
        <message>
            <source>image score: most anomalous patch, or PatchCore reweighting</source>
            <translation>图像评分：最异常的图像块，或 PatchCore 重加权</translation>
        </message>
        <message>
            <source>Gaussian smoothing of the anomaly map (input px)</source>
            <translation>异常图的高斯平滑（输入像素）</translation>
        </message>
        <message>
            <source>OK images held out of the bank to calibrate</source>
            <translation>留出不进记忆库、用于校准的良品图像比例</translation>
        </message>
        <message>
            <source>threshold = max held-out OK score × (1 + margin)</source>
            <translation>阈值 = 留出良品的最高分 × (1 + 余量)</translation>
        </message>
        <message>
            <source>random seed (coreset start, projection)</source>
            <translation>随机种子（核心集起点、投影）</translation>
        </message>
    <message>
            <source>target share of good parts judged NG (false rejects); the threshold comes from a tail fitted to the OK scores</source>
            <translation>良品被判为不良（误剔）的目标比例；阈值由拟合良品评分的上尾得到</translation>
        </message>
        <message>
            <source>with NG images: a missed defect costs this many rejected good parts (sets the threshold)</source>
            <translation>有不良品图像时：漏检一个缺陷的代价相当于误剔多少个良品（决定阈值）</translation>
        </message>
        <message>
            <source>with NG images: they may lower the threshold only until this share of good parts is expected to be judged NG</source>
            <translation>有不良品图像时：最多只把阈值降到预计有这一比例的良品被判为不良的位置</translation>
        </message>
        <message>
            <source>with NG images: learn a small defect classifier on the patch features, combined with the anomaly map</source>
            <translation>有不良品图像时：在图像块特征上学习一个小型缺陷分类器，并与异常图结合</translation>
        </message>
        <message>
            <source>after training, paste synthetic defects on held-out OK images and report how many the model catches</source>
            <translation>训练后在留出的良品图像上粘贴合成缺陷，报告模型能检出多少</translation>
        </message>
        <message>
            <source>image score: most anomalous patch, PatchCore reweighting, or the map divided by its median (max_over_median)</source>
            <translation>图像评分：最异常的图像块、PatchCore 重加权，或异常图除以其中位数（max_over_median）</translation>
        </message>
        <message>
            <source>calibrate OK images that look different (lightings, finishes) apart: up to this many appearance groups, each with its own position profile and score scale, used only when the groups are clearly distinct; 1 = off</source>
            <translation>将外观不同的 OK 图像（照明、表面处理）分开校准：最多分为这么多个外观组，每组有自己的位置分布和分数尺度，仅在各组明显可分时使用；1 = 关闭</translation>
        </message>
        <message>
            <source>how distinct appearance groups must be to be calibrated apart (mean silhouette of the grouping, 0-1)</source>
            <translation>外观组需要多明显可分才分开校准（分组的平均轮廓系数，0-1）</translation>
        </message>
        <message>
            <source>OK images held out of the bank (calibration, synthetic self-check)</source>
            <translation>留出不进记忆库的良品图像比例（用于校准和合成缺陷自检）</translation>
        </message>
        <message>
            <source>with fewer than 6 OK scores: threshold = max OK score × (1 + margin)</source>
            <translation>良品评分少于 6 个时：阈值 = 良品最高分 × (1 + 余量)</translation>
        </message>
        <message>
            <source>adapt the patch features to this part before building the memory bank, learned from synthetic defects pasted on the OK images: reweight the feature channels (channels) or a full linear projection (linear); none = the plain backbone features</source>
            <translation>建立记忆库前，用粘贴在良品图像上的合成缺陷使特征适应此零件：重新加权特征通道 (channels) 或完整线性投影 (linear)；none = 直接使用主干网络特征</translation>
        </message>
        <message>
            <source>optimisation steps of the feature adaptor (adapt=channels or linear)</source>
            <translation>特征适配器的优化步数 (adapt=channels 或 linear)</translation>
        </message>
        <message>
            <source>wall-clock budget for training the feature adaptor (s); it stops at this budget or after adapt_steps, whichever comes first</source>
            <translation>训练特征适配器的时间预算 (秒)；达到预算或 adapt_steps 步数即停止，以先到者为准</translation>
        </message>
        <message>
            <source>synthetic-defect copies of each OK image the feature adaptor learns from</source>
            <translation>特征适配器学习所用的每张良品图像的合成缺陷副本数</translation>
        </message>
        <message>
            <source>locate the part before the network (inference.alignment): auto = decided from the OK images at training (stored as one of the others; bundles without it load as none); translate = centre the part and crop the frame to it; rotate = also turn it to its principal axis; none = the image as it is</source>
            <translation>推理前先定位零件（inference.alignment）：auto = 训练时根据良品图像决定（保存为其余选项之一；没有此参数的旧模型按 none 加载）；translate = 将零件居中并把画面裁剪到零件；rotate = 另外把零件旋转到其主轴方向；none = 按原图分析</translation>
        </message>
        <message>
            <source>width of the part's frame when aligning, as a fraction of the image width (fitted at training with align=auto)</source>
            <translation>对齐时零件画框的宽度，占图像宽度的比例（align=auto 时在训练中拟合）</translation>
        </message>
        <message>
            <source>height of the part's frame when aligning, as a fraction of the image height (fitted at training with align=auto)</source>
            <translation>对齐时零件画框的高度，占图像高度的比例（align=auto 时在训练中拟合）</translation>
        </message>
        <message>
            <source>weight of the long dark-line channels added to each patch feature: thin cracks and scratches that the texture features confuse with the surface; 0 = off (default; 8 = the measured setting)</source>
            <translation>加在每个图块特征上的长暗线通道的权重：纹理特征容易与表面混淆的细裂纹和划痕；0 = 关闭（默认；8 = 实测设置）</translation>
        </message>
        <message>
            <source>the part's strong-line level the line channels are measured in (fitted at training; 0 = fit; bundles without it have no line channels)</source>
            <translation>线通道所用的零件强线水平（训练时拟合；0 = 拟合；没有该值的模型包不含线通道）</translation>
        </message>
        <message>
            <source>length of the lines the line channels integrate along (px of the analysed image)</source>
            <translation>线通道沿其积分的线段长度（分析图像的像素）</translation>
        </message>
        </context>
    <context>
        <name>SettingsValidation</name>
        <message>
            <source>The engineer PIN is not a valid PIN hash; set the PIN again.</source>
            <translation>工程师 PIN 不是有效的 PIN 哈希；请重新设置 PIN。</translation>
        </message>
        <message>
            <source>Host must be an IP address or a host name (e.g. 127.0.0.1 or 0.0.0.0).</source>
            <translation>主机必须是 IP 地址或主机名（例如 127.0.0.1 或 0.0.0.0）。</translation>
        </message>
        <message>
            <source>Port must be a whole number from 0 to 65535 (got “%1”).</source>
            <translation>端口必须是 0 到 65535 之间的整数（当前为“%1”）。</translation>
        </message>
        <message>
            <source>An API key needs at least 8 characters and no spaces.</source>
            <translation>API 密钥至少需要 8 个字符且不能包含空格。</translation>
        </message>
        <message>
            <source>%1 must be greater than zero (got %2).</source>
            <translation>%1 必须大于零（当前为 %2）。</translation>
        </message>
        <message>
            <source>%1 must not be negative (got %2).</source>
            <translation>%1 不能为负数（当前为 %2）。</translation>
        </message>
        <message>
            <source>%1 must be one of %2 (got “%3”).</source>
            <translation>%1 必须是 %2 之一（当前为“%3”）。</translation>
        </message>
        <message>
            <source>The data folder must be an absolute path.</source>
            <translation>数据文件夹必须是绝对路径。</translation>
        </message>
        <message>
            <source>The data folder path is a file, not a folder.</source>
            <translation>数据文件夹路径是一个文件，而不是文件夹。</translation>
        </message>
        <message>
            <source>The Elasticsearch URL must start with http:// or https://.</source>
            <translation>Elasticsearch 地址必须以 http:// 或 https:// 开头。</translation>
        </message>
        <message>
            <source>The Elasticsearch index must be lowercase letters, digits, '-', '_' or '.'.</source>
            <translation>Elasticsearch 索引只能包含小写字母、数字、'-'、'_' 或 '.'。</translation>
        </message>
        <message>
            <source>CUDA is not available on this PC.</source>
            <translation>本机没有可用的 CUDA。</translation>
        </message>
        <message>
            <source>The heatmap opacity must be between 0 and 1 (got %1).</source>
            <translation>热力图不透明度必须在 0 到 1 之间（当前为 %1）。</translation>
        </message>
        <message>
            <source>Define at least one shift.</source>
            <translation>请至少定义一个班次。</translation>
        </message>
        <message>
            <source>Shift %1 has no name.</source>
            <translation>班次 %1 没有名称。</translation>
        </message>
        <message>
            <source>Shift name “%1” is used twice.</source>
            <translation>班次名称“%1”重复。</translation>
        </message>
        <message>
            <source>Shift “%1”: start “%2” is not a time like 06:00.</source>
            <translation>班次“%1”：开始时间“%2”不是像 06:00 这样的时间。</translation>
        </message>
        <message>
            <source>Two shifts start at the same time.</source>
            <translation>两个班次的开始时间相同。</translation>
        </message>
    </context>
<context>
        <name>Insights</name>
        <message>
            <source>Over half the parts now score at or above the threshold, where OK parts scored {reference} of it at calibration (model {model}, since {since}): lighting, focus or the part changed; good parts are being rejected.</source>
            <translation>超过一半的零件评分现已达到或超过阈值，而校准时良品评分为阈值的 {reference}（模型 {model}，自 {since} 起）：照明、对焦或零件发生了变化；良品正在被误判为不良。</translation>
        </message>
        <message>
            <source>From {start} to {end}, {total} parts were inspected: {ng} NG ({rate}).</source>
            <translation>{start} 至 {end} 共检测 {total} 件：不良 {ng} 件（{rate}）。</translation>
        </message>
        <message>
            <source>No parts were inspected from {start} to {end}.</source>
            <translation>{start} 至 {end} 没有检测任何零件。</translation>
        </message>
        <message>
            <source>No notable change: NG rate, shifts, defect locations and scores look as usual.</source>
            <translation>无明显变化：不良率、班次、缺陷位置和评分均与往常一致。</translation>
        </message>
        <message>
            <source>{count} findings need attention:</source>
            <translation>{count} 项发现需要关注：</translation>
        </message>
        <message>
            <source>OK parts now score {median} of the threshold against {reference} at calibration (model {model}, since {since}): lighting, focus or the part changed; the over-detection rate will rise.</source>
            <translation>良品评分现为阈值的 {median}，校准时为 {reference}（模型 {model}，自 {since} 起）：照明、对焦或零件发生了变化；过检率将会上升。</translation>
        </message>
        <message>
            <source>OK parts now score {median} of the threshold against {reference} at calibration (model {model}, since {since}): the image may be blurred, darker or the part changed; defects may pass unnoticed.</source>
            <translation>良品评分现为阈值的 {median}，校准时为 {reference}（模型 {model}，自 {since} 起）：图像可能变模糊、变暗或零件发生了变化；缺陷可能被漏检。</translation>
        </message>
        <message>
            <source>Score drift of model {model} from {since} to {until}: OK parts scored up to {median} of the threshold against {reference} at calibration.</source>
            <translation>模型 {model} 在 {since} 至 {until} 期间评分漂移：良品评分最高达阈值的 {median}，校准时为 {reference}。</translation>
        </message>
        <message>
            <source>OK parts of model {model} score {median} of the threshold, as at calibration ({reference}).</source>
            <translation>模型 {model} 的良品评分为阈值的 {median}，与校准时（{reference}）一致。</translation>
        </message>
        <message>
            <source>NG rate {rate} against {previous} in the previous period of the same length ({p} on {parts} parts).</source>
            <translation>不良率 {rate}，而前一个同长度时段为 {previous}（{p}，共 {parts} 件）。</translation>
        </message>
        <message>
            <source>NG rate fell to {rate} from {previous} in the previous period of the same length ({p} on {parts} parts).</source>
            <translation>不良率从前一个同长度时段的 {previous} 降至 {rate}（{p}，共 {parts} 件）。</translation>
        </message>
        <message>
            <source>Shift {worst} NG {worst_rate} vs shift {best} {best_rate}, {p} on {parts} parts.</source>
            <translation>{worst} 班不良率 {worst_rate}，{best} 班为 {best_rate}，{p}，共 {parts} 件。</translation>
        </message>
        <message>
            <source>Parts inspected around {hour}:00 are NG {rate} of the time against {rest} otherwise ({p}).</source>
            <translation>{hour}:00 前后检测的零件不良率为 {rate}，其他时间为 {rest}（{p}）。</translation>
        </message>
        <message>
            <source>NG parts concentrate {where} of the part (x {x}, y {y}): {share} of NG parts have a defect there, against {expected} if defects fell anywhere (model {model}).</source>
            <translation>不良零件的缺陷集中在零件{where}（x {x}，y {y}）：{share} 的不良零件在此处有缺陷，若缺陷随机分布应为 {expected}（模型 {model}）。</translation>
        </message>
        <message>
            <source>Defects are spread over the part: no location stands out (model {model}).</source>
            <translation>缺陷分布在零件各处：没有突出的位置（模型 {model}）。</translation>
        </message>
        <message>
            <source>{share} of NG parts have {count} defect(s); {multi} have more than one.</source>
            <translation>{share} 的不良零件有 {count} 个缺陷；{multi} 有多于一个缺陷。</translation>
        </message>
        <message>
            <source>Most defect regions are {size} ({share} of {regions} regions).</source>
            <translation>大多数缺陷区域为{size}（{regions} 个区域中占 {share}）。</translation>
        </message>
        <message>
            <source>First-pass yield of part ids {prefix}… is {fpy} against {rest} for the others ({p} on {parts} parts).</source>
            <translation>零件编号 {prefix}… 的一次合格率为 {fpy}，其他为 {rest}（{p}，共 {parts} 件）。</translation>
        </message>
        <message>
            <source>First-pass yield by part id prefix: {table}.</source>
            <translation>按零件编号前缀的一次合格率：{table}。</translation>
        </message>
        <message>
            <source>p &lt; {value}</source>
            <translation>p &lt; {value}</translation>
        </message>
        <message>
            <source>p = {value}</source>
            <translation>p = {value}</translation>
        </message>
        <message>
            <source>at the top left</source>
            <translation>左上部</translation>
        </message>
        <message>
            <source>at the top</source>
            <translation>上部</translation>
        </message>
        <message>
            <source>at the top right</source>
            <translation>右上部</translation>
        </message>
        <message>
            <source>on the left</source>
            <translation>左侧</translation>
        </message>
        <message>
            <source>in the centre</source>
            <translation>中央</translation>
        </message>
        <message>
            <source>on the right</source>
            <translation>右侧</translation>
        </message>
        <message>
            <source>at the bottom left</source>
            <translation>左下部</translation>
        </message>
        <message>
            <source>at the bottom</source>
            <translation>下部</translation>
        </message>
        <message>
            <source>at the bottom right</source>
            <translation>右下部</translation>
        </message>
        <message>
            <source>tiny (under 16 px)</source>
            <translation>极小（小于 16 像素）</translation>
        </message>
        <message>
            <source>small (16–255 px)</source>
            <translation>小（16–255 像素）</translation>
        </message>
        <message>
            <source>medium (256–4,095 px)</source>
            <translation>中（256–4,095 像素）</translation>
        </message>
        <message>
            <source>large (4,096 px or more)</source>
            <translation>大（4,096 像素及以上）</translation>
        </message>
        <message>
            <source>info</source>
            <translation>信息</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>alert</source>
            <translation>警报</translation>
        </message>
        <message>
            <source>Score drift</source>
            <translation>评分漂移</translation>
        </message>
    </context>
    <context>
        <name>DriftBanner</name>
        <message>
            <source>Score drift</source>
            <translation>评分漂移</translation>
        </message>
    </context>
    <context>
        <name>InsightsPanel</name>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Insights</source>
            <translation>分析</translation>
        </message>
        <message>
            <source>No NG parts with defect regions in this period</source>
            <translation>此时段没有带缺陷区域的不良零件</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <source>Save location map</source>
            <translation>保存缺陷位置图</translation>
        </message>
        <message>
            <source>Save map as PNG…</source>
            <translation>将位置图保存为 PNG…</translation>
        </message>
        <message>
            <source>Where defects sit (NG parts)</source>
            <translation>缺陷位置（不良零件）</translation>
        </message>
        <message>
            <source>{0}. centre x {1:.2f}, y {2:.2f}: {3:.1f} % of NG parts</source>
            <translation>{0}. 中心 x {1:.2f}，y {2:.2f}：占不良零件的 {3:.1f} %</translation>
        </message>
    </context>
<context>
        <name>SimilarDialog</name>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Similar inspections to #%1</source>
            <translation>与 #%1 相似的检测</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>NG</source>
            <translation>NG</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Verdict</source>
            <translation>判定</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Searching…</source>
            <translation>正在搜索…</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>%1 similar inspections, best first</source>
            <translation>%1 条相似检测，最相似的在前</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Search failed: %1</source>
            <translation>搜索失败：%1</translation>
        </message>
    </context>
    <context>
        <name>VideoAnalysisDialog</name>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Analyse video file</source>
            <translation>分析视频文件</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Video file</source>
            <translation>视频文件</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>One frame is judged every interval of video time</source>
            <translation>每隔一段视频时间判定一帧</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>NG parts are counted per bucket of video time</source>
            <translation>按视频时间段统计 NG 零件数</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Record frames in the history</source>
            <translation>将帧记录到历史</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Analyse</source>
            <translation>分析</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>NG parts</source>
            <translation>NG 零件</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>minute of video</source>
            <translation>视频分钟</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Open processed video</source>
            <translation>打开处理后的视频</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Interval</source>
            <translation>间隔</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Bucket</source>
            <translation>统计时段</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>NG frames (click to see)</source>
            <translation>NG 帧（点击查看）</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Videos (%1)</source>
            <translation>视频 (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Choose an existing video file first.</source>
            <translation>请先选择一个存在的视频文件。</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>No model loaded: train or open a model first.</source>
            <translation>未加载模型：请先训练或打开模型。</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Analysing %1…</source>
            <translation>正在分析 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Cancelling: frames already queued are finished…</source>
            <translation>正在取消：已排队的帧将完成…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>%1 of %2 frames judged</source>
            <translation>已判定 %1 / %2 帧</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>The video cannot be analysed: %1</source>
            <translation>无法分析该视频：%1</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Cancelled: %1 frames were judged and recorded.</source>
            <translation>已取消：%1 帧已判定并记录。</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>%1 frames judged, %2 NG; %3 recorded.</source>
            <translation>已判定 %1 帧，%2 帧 NG；已记录 %3 帧。</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>frame not readable</source>
            <translation>无法读取该帧</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Export CSV</source>
            <translation>导出 CSV</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>%1   score %2×   %3 defect(s)</source>
            <translation>%1   分数 %2×   %3 处缺陷</translation>
        </message>
    </context>
    <context>
        <name>_AnalyseButton</name>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Analyse file…</source>
            <translation>分析文件…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Judge one frame every interval of the video; NG per minute, NG frames, annotated video, CSV</source>
            <translation>每隔一段视频时间判定一帧；每分钟 NG 数、NG 帧、标注视频、CSV</translation>
        </message>
    </context>
    <context>
        <name>_HeldPartSimilarButton</name>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Find similar</source>
            <translation>查找相似</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Earlier parts with a defect like the held one</source>
            <translation>缺陷与当前零件相似的历史零件</translation>
        </message>
    </context>
<context>
        <name>TrainingSetPanel</name>
        <message>
            <location filename="../../ui/training_set_panel.py" line="88" />
            <source>Training set</source>
            <translation>训练集</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="98" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="99" />
            <source>Remove the selected images from the training set</source>
            <translation>从训练集中移除所选图像</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="1" />
            <source>Retrain</source>
            <translation>重新训练</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="102" />
            <source>Train a new model version from this training set in the background; the running model is not replaced</source>
            <translation>在后台用此训练集训练新版本模型；正在运行的模型不会被替换</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="135" />
            <source>The training set is not available: %1</source>
            <translation>训练集不可用：%1</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="143" />
            <source>Cannot read the training set: %1</source>
            <translation>无法读取训练集：%1</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="154" />
            <source>NG</source>
            <translation>NG</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="154" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="159" />
            <source>Target %1: %2 images (%3 OK, %4 NG)</source>
            <translation>检测对象 %1：%2 张图像（%3 张 OK，%4 张 NG）</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="181" />
            <source>Not removed: %1</source>
            <translation>未移除：%1</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="5" />
            <source>model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="196" />
            <source>Retrain not started: %1</source>
            <translation>未开始重新训练：%1</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="203" />
            <source>Training %1…</source>
            <translation>正在训练 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="222" />
            <source>New model %1 is in the library. It is not active yet.</source>
            <translation>新模型 %1 已加入模型库，尚未启用。</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="224" />
            <source>Activate new model</source>
            <translation>启用新模型</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="228" />
            <source>Retrain cancelled.</source>
            <translation>已取消重新训练。</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="230" />
            <source>Retrain failed: %1</source>
            <translation>重新训练失败：%1</translation>
        </message>
    </context>
    <context>
        <name>HistoryTrainingAction</name>
        <message>
            <location filename="../../ui/history_training.py" line="1" />
            <source>Add to training set</source>
            <translation>加入训练集</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="30" />
            <source>Copy the selected records' images into the training set of the current inspection target</source>
            <translation>将所选记录的图像复制到当前检测对象的训练集</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="33" />
            <source>As reviewed (final verdict)</source>
            <translation>按复核结果（最终判定）</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="34" />
            <source>As OK</source>
            <translation>作为 OK</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="35" />
            <source>As NG (for calibration)</source>
            <translation>作为 NG（用于校准）</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="64" />
            <source>Not added: %1</source>
            <translation>未加入：%1</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="70" />
            <source>%1 added to the training set</source>
            <translation>已将 %1 条加入训练集</translation>
        </message>
    </context>
<context>
        <name>ChangeoverPrompt</name>
        <message>
            <source>Activate a different model</source>
            <translation>激活另一个模型</translation>
        </message>
        <message>
            <source>Apply new prediction parameters</source>
            <translation>应用新的预测参数</translation>
        </message>
        <message>
            <source>Make the trained model active</source>
            <translation>启用新训练的模型</translation>
        </message>
        <message>
            <source>The line is running. From the next part on, parts will be judged by

    %2

instead of

    %1

Change over now?</source>
            <translation>产线正在运行。从下一个零件起，零件将由

    %2

判定，而不是

    %1

现在切换吗？</translation>
        </message>
    </context>
    <context>
        <name>PartView</name>
        <message>
            <source>Heatmap</source>
            <translation>热力图</translation>
        </message>
        <message>
            <source>Show the anomaly heatmap (H)</source>
            <translation>显示异常热力图（H）</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>适应</translation>
        </message>
        <message>
            <source>Fit the image to the view (F, or double-click)</source>
            <translation>图像适应窗口（F 或双击）</translation>
        </message>
        <message>
            <source>Back to live</source>
            <translation>返回实时</translation>
        </message>
        <message>
            <source>Choose a source and press Start,
or post images to the endpoint.</source>
            <translation>请选择图像源并点击开始，
或向接口提交图像。</translation>
        </message>
        <message>
            <source>NG part held: </source>
            <translation>正在查看 NG 件：</translation>
        </message>
    </context>
    <context>
        <name>ShiftTracker</name>
        <message>
            <source>Shift %1 started: counters restarted.</source>
            <translation>班次 %1 开始：计数已重新开始。</translation>
        </message>
        <message>
            <source>Shift %1 · counting since %2</source>
            <translation>班次 %1 · 自 %2 起计数</translation>
        </message>
        <message>
            <source>Counting since %1</source>
            <translation>自 %1 起计数</translation>
        </message>
    </context>
    <context>
        <name>SourceBar</name>
        <message>
            <source>Source:</source>
            <translation>图像源：</translation>
        </message>
        <message>
            <source>Image folder</source>
            <translation>图像文件夹</translation>
        </message>
        <message>
            <source>Video file</source>
            <translation>视频文件</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>相机</translation>
        </message>
        <message>
            <source>Folder of part images</source>
            <translation>工件图像文件夹</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>every</source>
            <translation>间隔</translation>
        </message>
        <message>
            <source>Time between two parts; 0 = as fast as inference allows</source>
            <translation>两个工件之间的时间；0 = 推理允许的最快速度</translation>
        </message>
        <message>
            <source>Shuffle</source>
            <translation>随机</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>循环</translation>
        </message>
        <message>
            <source>Subfolders</source>
            <translation>子文件夹</translation>
        </message>
        <message>
            <source>As fast as inference allows</source>
            <translation>按推理最快速度</translation>
        </message>
        <message>
            <source>Index</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>分辨率</translation>
        </message>
        <message>
            <source>Driver default</source>
            <translation>驱动默认</translation>
        </message>
        <message>
            <source>Exposure</source>
            <translation>曝光</translation>
        </message>
        <message>
            <source>auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>Gain</source>
            <translation>增益</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <source>Start the source (Space)</source>
            <translation>启动图像源（空格）</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Stop the source (Space)</source>
            <translation>停止图像源（空格）</translation>
        </message>
        <message>
            <source>Trigger</source>
            <translation>触发</translation>
        </message>
        <message>
            <source>Inspect one frame (T)</source>
            <translation>检测一帧（T）</translation>
        </message>
        <message>
            <source>Choose a folder of images first.</source>
            <translation>请先选择图像文件夹。</translation>
        </message>
        <message>
            <source>The folder does not exist: %1</source>
            <translation>文件夹不存在：%1</translation>
        </message>
        <message>
            <source>Choose a video file first.</source>
            <translation>请先选择视频文件。</translation>
        </message>
        <message>
            <source>The video file does not exist: %1</source>
            <translation>视频文件不存在：%1</translation>
        </message>
        <message>
            <source>Videos (*.avi *.mp4 *.mkv *.mov *.wmv);;All files (*)</source>
            <translation>视频 (*.avi *.mp4 *.mkv *.mov *.wmv);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>VerdictPanel</name>
        <message>
            <source>Product / model</source>
            <translation>产品 / 模型</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>阈值</translation>
        </message>
        <message>
            <source>Waiting for parts</source>
            <translation>等待工件</translation>
        </message>
        <message>
            <source>Image threshold in the model's raw score units; the score bar shows scores as multiples of it (1.0 = threshold).</source>
            <translation>模型原始分数单位下的图像阈值；分数条以其倍数显示分数（1.0 = 阈值）。</translation>
        </message>
        <message>
            <source>Not validated: threshold set from OK images only</source>
            <translation>未验证：阈值仅由良品图像设定</translation>
        </message>
        <message>
            <source>Evaluate the model on a labelled folder, or calibrate it with NG images, before trusting its verdicts on the line.</source>
            <translation>在产线上信任其判定之前，请在带标注的文件夹上评估模型，或用不良品图像校准。</translation>
        </message>
        <message>
            <source>Processing %1 ms · %2 parts/s · %3 frames dropped · queue %4/%5</source>
            <translation>处理 %1 ms · %2 件/秒 · 丢帧 %3 · 队列 %4/%5</translation>
        </message>
        <message>
            <source>Camera lost: reconnecting…</source>
            <translation>相机连接中断：正在重新连接…</translation>
        </message>
        <message>
            <source>The camera driver ignores: %1</source>
            <translation>相机驱动不支持：%1</translation>
        </message>
        <message>
            <source>Reviewing part %1 — Esc for live</source>
            <translation>正在查看 %1 的零件 — 按 Esc 返回实时</translation>
        </message>
        <message>
            <source>(live in %1 s)</source>
            <translation>（%1 秒后返回实时）</translation>
        </message>
        <message>
            <source>REVIEWING</source>
            <translation>查看中</translation>
        </message>
        <message>
            <source>STOPPED</source>
            <translation>已停止</translation>
        </message>
        <message>
            <source>Press Start (Space), or post images to the endpoint</source>
            <translation>按“开始”（空格），或向接口发送图像</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>图像源：%1</translation>
        </message>
        <message>
            <source>Reconnecting in %1 s</source>
            <translation>%1 秒后重新连接</translation>
        </message>
        <message>
            <source>SOURCE LOST</source>
            <translation>图像源丢失</translation>
        </message>
        <message>
            <source>NO MODEL</source>
            <translation>无模型</translation>
        </message>
        <message>
            <source>Train or open a model first</source>
            <translation>请先训练或打开一个模型</translation>
        </message>
        <message>
            <source>CHANGEOVER</source>
            <translation>换型中</translation>
        </message>
        <message>
            <source>Switching model: %1</source>
            <translation>正在切换模型：%1</translation>
        </message>
        <message>
            <source>camera lost</source>
            <translation>相机断开</translation>
        </message>
        <message>
            <source>no images in %1</source>
            <translation>%1 中没有图像</translation>
        </message>
        <message>
            <source>not a folder: %1</source>
            <translation>不是文件夹：%1</translation>
        </message>
        <message>
            <source>video file not found: %1</source>
            <translation>找不到视频文件：%1</translation>
        </message>
        <message>
            <source>cannot open video %1</source>
            <translation>无法打开视频 %1</translation>
        </message>
        <message>
            <source>camera %1 is not available (not connected or in use)</source>
            <translation>相机 %1 不可用（未连接或被占用）</translation>
        </message>
        <message>
            <source>none of the images in %1 can be read</source>
            <translation>%1 中的图像都无法读取</translation>
        </message>
        <message>
            <source>cannot open video %1: unknown format or codec</source>
            <translation>无法打开视频 %1：格式或编解码器未知</translation>
        </message>
        <message>
            <source>%1 is not a readable image</source>
            <translation>%1 不是可读取的图像</translation>
        </message>
        <message>
            <source>cannot read %1</source>
            <translation>无法读取 %1</translation>
        </message>
    </context>
    <context>
        <name>AuditView</name>
        <message>
            <source>All actions</source>
            <translation>全部操作</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Thresholds</source>
            <translation>阈值</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Counters</source>
            <translation>计数器</translation>
        </message>
        <message>
            <source>Reviews</source>
            <translation>复核</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>图像源</translation>
        </message>
        <message>
            <source>Endpoint key</source>
            <translation>接口密钥</translation>
        </message>
        <message>
            <source>Dates (UTC)</source>
            <translation>日期 (UTC)</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>When (UTC)</source>
            <translation>时间 (UTC)</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>操作者</translation>
        </message>
        <message>
            <source>What</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>No history database.</source>
            <translation>没有历史数据库。</translation>
        </message>
        <message>
            <source>%1 entries</source>
            <translation>%1 条记录</translation>
        </message>
        <message>
            <source>newest %1 of %2 entries</source>
            <translation>最新 %1 条，共 %2 条</translation>
        </message>
        <message>
            <source>model activated</source>
            <translation>模型已激活</translation>
        </message>
        <message>
            <source>model trained</source>
            <translation>模型已训练</translation>
        </message>
        <message>
            <source>model imported</source>
            <translation>模型已导入</translation>
        </message>
        <message>
            <source>model deleted</source>
            <translation>模型已删除</translation>
        </message>
        <message>
            <source>model renamed</source>
            <translation>模型已重命名</translation>
        </message>
        <message>
            <source>parameters changed</source>
            <translation>参数已更改</translation>
        </message>
        <message>
            <source>threshold applied</source>
            <translation>阈值已应用</translation>
        </message>
        <message>
            <source>settings saved</source>
            <translation>设置已保存</translation>
        </message>
        <message>
            <source>endpoint key changed</source>
            <translation>接口密钥已更改</translation>
        </message>
        <message>
            <source>PIN changed</source>
            <translation>PIN 已更改</translation>
        </message>
        <message>
            <source>engineer unlocked</source>
            <translation>工程师已解锁</translation>
        </message>
        <message>
            <source>back to operator</source>
            <translation>已回到操作员</translation>
        </message>
        <message>
            <source>counters reset</source>
            <translation>计数器已清零</translation>
        </message>
        <message>
            <source>review given</source>
            <translation>已复核</translation>
        </message>
        <message>
            <source>source started</source>
            <translation>图像源已启动</translation>
        </message>
        <message>
            <source>source stopped</source>
            <translation>图像源已停止</translation>
        </message>
        <message>
            <source>source lost</source>
            <translation>图像源丢失</translation>
        </message>
        <message>
            <source>Export the audit trail</source>
            <translation>导出审计记录</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>%1 entries written to %2</source>
            <translation>已将 %1 条记录写入 %2</translation>
        </message>
        <message>
            <source>Export failed: %1</source>
            <translation>导出失败：%1</translation>
        </message>
    </context>
    <context>
        <name>NewPinDialog</name>
        <message>
            <source>Set the engineer PIN</source>
            <translation>设置工程师 PIN</translation>
        </message>
        <message>
            <source>New PIN:</source>
            <translation>新 PIN：</translation>
        </message>
        <message>
            <source>Again:</source>
            <translation>再次输入：</translation>
        </message>
        <message>
            <source>4 to 32 digits or letters. It is stored only as a salted hash.</source>
            <translation>4 到 32 位数字或字母。只保存加盐哈希值。</translation>
        </message>
        <message>
            <source>The two PINs differ.</source>
            <translation>两次输入的 PIN 不一致。</translation>
        </message>
        <message>
            <source>The PIN needs 4 to 32 digits or letters.</source>
            <translation>PIN 需要 4 到 32 位数字或字母。</translation>
        </message>
    </context>
    <context>
        <name>PinDialog</name>
        <message>
            <source>Engineer PIN</source>
            <translation>工程师 PIN</translation>
        </message>
        <message>
            <source>“%1” is an engineer action. Enter the engineer PIN:</source>
            <translation>“%1”是工程师操作。请输入工程师 PIN：</translation>
        </message>
        <message>
            <source>Wrong PIN.</source>
            <translation>PIN 错误。</translation>
        </message>
    </context>
    <context>
        <name>RoleIndicator</name>
        <message>
            <source>Lock</source>
            <translation>锁定</translation>
        </message>
        <message>
            <source>Back to operator now</source>
            <translation>立即回到操作员</translation>
        </message>
        <message>
            <source>Engineer</source>
            <translation>工程师</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>操作员</translation>
        </message>
        <message>
            <source>No engineer PIN set: everyone may change models and settings (Settings → Roles)</source>
            <translation>未设置工程师 PIN：任何人都可更改模型和设置（设置 → 角色）</translation>
        </message>
    </context>
    <context>
        <name>RolesBox</name>
        <message>
            <source>Roles</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Set PIN…</source>
            <translation>设置 PIN…</translation>
        </message>
        <message>
            <source>Remove PIN</source>
            <translation>删除 PIN</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>Back to operator after:</source>
            <translation>空闲后回到操作员：</translation>
        </message>
        <message>
            <source>An engineer PIN is set: operators see Live and History; models, settings, thresholds and resets ask for it.</source>
            <translation>已设置工程师 PIN：操作员可查看实时和历史；模型、设置、阈值和清零需要输入 PIN。</translation>
        </message>
        <message>
            <source>No engineer PIN: everyone may change models and settings.</source>
            <translation>未设置工程师 PIN：任何人都可更改模型和设置。</translation>
        </message>
        <message>
            <source>PIN set.</source>
            <translation>PIN 已设置。</translation>
        </message>
        <message>
            <source>PIN removed.</source>
            <translation>PIN 已删除。</translation>
        </message>
    </context>
    <context>
        <name>ModelActions</name>
        <message>
            <location filename="../../ui/model_actions.py" line="65" />
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
        <message>
            <source>Not activated: the line keeps its model.</source>
            <translation>未激活：产线保留当前模型。</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="88" />
            <source>Loading %1…</source>
            <translation>正在加载 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="102" />
            <source>Settings not saved</source>
            <translation>设置未保存</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="103" />
            <source>Active model: %1</source>
            <translation>当前模型：%1</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="111" />
            <source>Model not activated</source>
            <translation>模型未启用</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="118" />
            <source>Rename model</source>
            <translation>重命名模型</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="118" />
            <source>New name:</source>
            <translation>新名称：</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="129" />
            <location filename="../../ui/model_actions.py" line="129" />
            <location filename="../../ui/model_actions.py" line="129" />
            <source>Rename failed</source>
            <translation>重命名失败</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="137" />
            <location filename="../../ui/model_actions.py" line="137" />
            <source>Cannot delete</source>
            <translation>无法删除</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="138" />
            <source>This is the active model. Activate another model before deleting it.</source>
            <translation>这是当前模型。请先启用另一个模型再删除它。</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="142" />
            <source>Delete model</source>
            <translation>删除模型</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="143" />
            <source>Delete the model “%1” (%2)? This cannot be undone.</source>
            <translation>删除模型“%1”（%2）？此操作无法撤销。</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="157" />
            <source>Deleted %1.</source>
            <translation>已删除 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="166" />
            <source>Export model</source>
            <translation>导出模型</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="167" />
            <source>QC Station models (*.qcs)</source>
            <translation>QC Station 模型 (*.qcs)</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="176" />
            <source>Exported to %1.</source>
            <translation>已导出到 %1。</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="177" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="180" />
            <source>Import model</source>
            <translation>导入模型</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="181" />
            <source>QC Station models (*.qcs);;All files (*)</source>
            <translation>QC Station 模型 (*.qcs);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="190" />
            <source>Checking %1…</source>
            <translation>正在检查 %1…</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="195" />
            <source>Imported “%1” as %2.</source>
            <translation>已将“%1”导入为 %2。</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="202" />
            <source>Import failed</source>
            <translation>导入失败</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="203" />
            <source>%1 was not imported:
%2</source>
            <translation>%1 未导入：
%2</translation>
        </message>
    </context>
    <context>
        <name>ModelLibraryPanel</name>
        <message>
            <location filename="../../ui/model_library_panel.py" line="45" />
            <source>Model library</source>
            <translation>模型库</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>Algorithm</source>
            <translation>算法</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>OK imgs</source>
            <translation>OK 图像数</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>NG imgs</source>
            <translation>NG 图像数</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>Threshold</source>
            <translation>阈值</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>Precision</source>
            <translation>精确率</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>Recall</source>
            <translation>召回率</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="64" />
            <source>Train new model…</source>
            <translation>训练新模型…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="65" />
            <source>Activate</source>
            <translation>启用</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="66" />
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="67" />
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="68" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="69" />
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="70" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="102" />
            <source>Cannot read the models folder: %1</source>
            <translation>无法读取模型文件夹：%1</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="122" />
            <source>No models in %1 yet: train one or import a .qcs file.</source>
            <translation>%1 中还没有模型：请训练一个或导入 .qcs 文件。</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="128" />
            <source>(unreadable)</source>
            <translation>（无法读取）</translation>
        </message>
        <message>
            <source>not validated</source>
            <translation>未验证</translation>
        </message>
        <message>
            <source>Not validated: its threshold comes from OK images only and may pass defects. Evaluate it on a labelled folder (Evaluate page) or retrain with NG images.</source>
            <translation>未验证：其阈值仅来自良品图像，可能漏检缺陷。请在带标注的文件夹上评估（评估页），或用不良品图像重新训练。</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="149" />
            <source>Active model</source>
            <translation>当前模型</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="157" />
            <source>Backbone: %1, input %2 px</source>
            <translation>骨干网络：%1，输入 %2 像素</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="158" />
            <source>Pixel threshold: %1</source>
            <translation>像素阈值：%1</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="159" />
            <source>Min. defect area: %1 px, ignore border: %2 px</source>
            <translation>最小缺陷面积：%1 像素，忽略边缘：%2 像素</translation>
        </message>
    </context>
    <context>
        <name>ModelParamsPanel</name>
        <message>
            <location filename="../../ui/model_params_panel.py" line="50" />
            <source>Prediction parameters of the active model</source>
            <translation>当前模型的预测参数</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="74" />
            <source>Image score above this is NG (raw score units).</source>
            <translation>图像分数高于此值判为 NG（原始分数单位）。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="78" />
            <source>From 0.2× to 3× the model's saved threshold.</source>
            <translation>范围为模型保存阈值的 0.2× 至 3×。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="84" />
            <source>Pixels above this form defect regions (boxes).</source>
            <translation>高于此值的像素构成缺陷区域（框）。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="88" />
            <location filename="../../ui/model_params_panel.py" line="88" />
            <source> px</source>
            <translation> 像素</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="89" />
            <source>Defect regions smaller than this are ignored.</source>
            <translation>小于此面积的缺陷区域将被忽略。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="93" />
            <source>A band along the image border that is not inspected.</source>
            <translation>图像边缘不检测的宽度。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="101" />
            <source>Threshold:</source>
            <translation>阈值：</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="102" />
            <source>Pixel threshold:</source>
            <translation>像素阈值：</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="103" />
            <source>Min. defect area:</source>
            <translation>最小缺陷面积：</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="104" />
            <source>Ignore border:</source>
            <translation>忽略边缘：</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="106" />
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="107" />
            <source>Revert</source>
            <translation>还原</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="112" />
            <source>Use last inspected image</source>
            <translation>使用最近检测的图像</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="113" />
            <source>Open image…</source>
            <translation>打开图像…</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="134" />
            <source>No image yet: inspect a part on the Live page or open an image.</source>
            <translation>尚无图像：请在实时页面检测一个工件或打开一张图像。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="192" />
            <source>Prediction parameters (no active model)</source>
            <translation>预测参数（无当前模型）</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="193" />
            <source>Activate a model to tune its parameters.</source>
            <translation>请先启用模型再调整参数。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="196" />
            <source>Prediction parameters of “%1”</source>
            <translation>“%1”的预测参数</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="214" />
            <source>Not applied yet: the preview uses these values.</source>
            <translation>尚未应用：预览使用这些值。</translation>
        </message>
        <message>
            <source>%1 with threshold %2</source>
            <translation>%1（阈值 %2）</translation>
        </message>
        <message>
            <source>Not applied: the line keeps the current parameters.</source>
            <translation>未应用：产线保留当前参数。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="239" />
            <source>Parameters not applied</source>
            <translation>参数未应用</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="241" />
            <source>Applied and saved with the model.</source>
            <translation>已应用并随模型保存。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="258" />
            <source>Open an image</source>
            <translation>打开图像</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="259" />
            <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
            <translation>图像 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="267" />
            <source>Cannot open the image</source>
            <translation>无法打开图像</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="315" />
            <source>NG</source>
            <translation>NG</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="315" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="319" />
            <source>%1 · score %2 / threshold %3 · %4 defect region(s)</source>
            <translation>%1 · 分数 %2 / 阈值 %3 · %4 个缺陷区域</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="320" />
            <source>image</source>
            <translation>图像</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="331" />
            <source>Preview failed: %1</source>
            <translation>预览失败：%1</translation>
        </message>
    </context>
    <context>
        <name>EvalTablePanel</name>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="57" />
            <location filename="../../ui/evaluate_browser.py" line="57" />
            <source>▶ Play shuffled</source>
            <translation>▶ 随机播放</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="65" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="66" />
            <source>Export figures…</source>
            <translation>导出图形…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="67" />
            <source>Errors only</source>
            <translation>仅显示错误</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="68" />
            <source>Show only missed defects and over-detections at this threshold</source>
            <translation>仅显示此阈值下的漏检与过检</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="111" />
            <source>true</source>
            <translation>真实</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="111" />
            <source>judged</source>
            <translation>判为</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="111" />
            <source>score</source>
            <translation>分数</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="122" />
            <source>■ Stop</source>
            <translation>■ 停止</translation>
        </message>
    </context>
    <context>
        <name>EvaluateRunBar</name>
        <message>
            <location filename="../../ui/evaluate_run.py" line="43" />
            <source>labelled folder: MVTec category (test/…) or OK/ + NG/</source>
            <translation>已标注文件夹：MVTec 类别（test/…）或 OK/ + NG/</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="44" />
            <location filename="../../ui/evaluate_run.py" line="44" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="47" />
            <source>Active model</source>
            <translation>当前模型</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="48" />
            <source>Model file…</source>
            <translation>模型文件…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="50" />
            <source>model file (.qcs)</source>
            <translation>模型文件（.qcs）</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="53" />
            <location filename="../../ui/evaluate_run.py" line="53" />
            <source>Evaluate</source>
            <translation>模型评估</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="55" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="69" />
            <source>Dataset</source>
            <translation>数据集</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="72" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="86" />
            <source>Labelled folder</source>
            <translation>已标注文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="91" />
            <source>Model file</source>
            <translation>模型文件</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="92" />
            <source>QC Station models (*.qcs)</source>
            <translation>QC Station 模型 (*.qcs)</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="111" />
            <source>Choose a labelled folder that exists.</source>
            <translation>请选择一个存在的已标注文件夹。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="116" />
            <source>Choose a model file (.qcs) that exists.</source>
            <translation>请选择一个存在的模型文件（.qcs）。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="119" />
            <source>No active model: load or train one, or choose a model file.</source>
            <translation>没有当前模型：请加载或训练一个模型，或选择模型文件。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="148" />
            <source>starting…</source>
            <translation>正在启动…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="156" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="162" />
            <source>indexing the folder</source>
            <translation>正在索引文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="162" />
            <source>loading the model</source>
            <translation>正在加载模型</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="163" />
            <source>evaluating</source>
            <translation>正在评估</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="172" />
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="176" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="177" />
            <source>Evaluation cancelled; the previous results stay.</source>
            <translation>评估已取消；保留之前的结果。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="184" />
            <source>done</source>
            <translation>完成</translation>
        </message>
    </context>
    <context>
        <name>MetricsPanel</name>
        <message>
            <location filename="../../ui/evaluate_results.py" line="44" />
            <source>Results</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="53" />
            <source>Miss rate</source>
            <translation>漏检率</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="54" />
            <source>Over-detection rate</source>
            <translation>过检率</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="55" />
            <source>Share of true NG images judged OK</source>
            <translation>真实为 NG 却被判为 OK 的比例</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="56" />
            <source>Share of true OK images judged NG</source>
            <translation>真实为 OK 却被判为 NG 的比例</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="57" />
            <source>Accuracy</source>
            <translation>准确率</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="58" />
            <source>Image AUROC</source>
            <translation>图像级 AUROC</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="59" />
            <source>Pixel AUROC</source>
            <translation>像素级 AUROC</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="63" />
            <source>judged OK</source>
            <translation>判为 OK</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="64" />
            <source>judged NG</source>
            <translation>判为 NG</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="65" />
            <location filename="../../ui/evaluate_results.py" line="65" />
            <source>true OK</source>
            <translation>真实 OK</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="66" />
            <location filename="../../ui/evaluate_results.py" line="66" />
            <source>true NG</source>
            <translation>真实 NG</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="74" />
            <source>Confusion matrix</source>
            <translation>混淆矩阵</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="85" />
            <source>– no masks</source>
            <translation>– 无掩码</translation>
        </message>
    </context>
    <context>
        <name>OverlayViewer</name>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="149" />
            <source>Run an evaluation, then pick an image.</source>
            <translation>请先运行评估，再选择一张图像。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="151" />
            <source>Heatmap and defect boxes</source>
            <translation>热力图与缺陷框</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="153" />
            <source>Original image</source>
            <translation>原始图像</translation>
        </message>
    </context>
    <context>
        <name>ThresholdBar</name>
        <message>
            <location filename="../../ui/evaluate_results.py" line="106" />
            <source>Model's threshold</source>
            <translation>模型阈值</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="107" />
            <location filename="../../ui/evaluate_results.py" line="107" />
            <source>Use this threshold</source>
            <translation>使用此阈值</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="112" />
            <source>Threshold</source>
            <translation>阈值</translation>
        </message>
    </context>
    <context>
        <name>HistoryFilterBar</name>
        <message>
            <location filename="../../ui/history_filters.py" line="40" />
            <source>part of the file name</source>
            <translation>文件名的一部分</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="43" />
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="44" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="45" />
            <source>NG</source>
            <translation>NG</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="48" />
            <source>any</source>
            <translation>任意</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="53" />
            <source>All models</source>
            <translation>全部模型</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="54" />
            <source>model id</source>
            <translation>模型 ID</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="57" />
            <source>Dates</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="64" />
            <source>Score</source>
            <translation>分数</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="73" />
            <source>Clear filters</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="75" />
            <source>part id / code</source>
            <translation>零件编号 / 条码</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="79" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="79" />
            <source>Verdict</source>
            <translation>判定</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="80" />
            <source>Defects</source>
            <translation>缺陷数</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="81" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="81" />
            <source>Part</source>
            <translation>零件</translation>
        </message>
    </context>
    <context>
        <name>RecordDetailController</name>
        <message>
            <location filename="../../ui/history_detail.py" line="91" />
            <source>No image to copy.</source>
            <translation>没有可复制的图像。</translation>
        </message>
        <message>
            <location filename="../../ui/history_detail.py" line="94" />
            <source>Image copied to the clipboard.</source>
            <translation>图像已复制到剪贴板。</translation>
        </message>
        <message>
            <location filename="../../ui/history_detail.py" line="102" />
            <source>Open image folder</source>
            <translation>打开图像文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/history_detail.py" line="102" />
            <source>The image folder does not exist.</source>
            <translation>图像文件夹不存在。</translation>
        </message>
    </context>
</TS>
