<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
    <context>
        <name>CrashReporter</name>
        <message>
            <location filename="../../ui/app.py" line="144" />
            <source>Unexpected error</source>
            <translation>予期しないエラー</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="145" />
            <source>Something went wrong, but QC Station keeps running.

%1

The details are in the log file:
%2</source>
            <translation>問題が発生しましたが、QC Station は動作を続けています。

%1

詳細はログファイルにあります:
%2</translation>
        </message>
    </context>
    <context>
        <name>EvalTableModel</name>
        <message>
            <location filename="../../widgets/eval_table.py" line="35" />
            <source>Image</source>
            <translation>画像</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="35" />
            <source>True label</source>
            <translation>正解ラベル</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="35" />
            <source>Prediction</source>
            <translation>予測</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="35" />
            <source>Score</source>
            <translation>スコア</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="36" />
            <source>Defect type</source>
            <translation>欠陥の種類</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="95" />
            <source>missed defect</source>
            <translation>見逃し</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="95" />
            <source>over-detection</source>
            <translation>過検出</translation>
        </message>
    </context>
    <context>
        <name>EvaluatePage</name>
        <message>
            <location filename="../../ui/evaluate_page.py" line="96" />
            <location filename="../../ui/evaluate_page.py" line="288" />
            <source>Evaluate</source>
            <translation>評価</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="212" />
            <location filename="../../ui/evaluate_page.py" line="474" />
            <source>true OK</source>
            <translation>実際 OK</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="213" />
            <location filename="../../ui/evaluate_page.py" line="475" />
            <source>true NG</source>
            <translation>実際 NG</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="234" />
            <location filename="../../ui/evaluate_page.py" line="487" />
            <source>Use this threshold</source>
            <translation>このしきい値を使用</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="248" />
            <source>Score per true label</source>
            <translation>正解ラベル別スコア</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="406" />
            <source>{0}: {1} images ({2} OK, {3} NG), model {4}</source>
            <translation>{0}: {1} 枚 (OK {2} 枚、NG {3} 枚)、モデル {4}</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="476" />
            <source>anomaly score</source>
            <translation>異常スコア</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="482" />
            <source>Set the active model's threshold to this value</source>
            <translation>使用中のモデルのしきい値をこの値に設定</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="483" />
            <source>Only for the active model: evaluate it (or load this model) first</source>
            <translation>使用中のモデルのみ: 先にそのモデルを評価する (またはこのモデルを読み込む) 必要があります</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="488" />
            <source>Set the active model's threshold to {0:.4g}? The line judges with it from the next part.</source>
            <translation>使用中のモデルのしきい値を {0:.4g} にしますか? 次のワークから、ラインはこの値で判定します。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="503" />
            <source>The active model now uses threshold {0:.4g}.</source>
            <translation>使用中のモデルのしきい値を {0:.4g} にしました。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="595" />
            <source>Export per-image CSV</source>
            <translation>画像ごとの CSV をエクスポート</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="596" />
            <source>CSV files (*.csv)</source>
            <translation>CSV ファイル (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="600" />
            <source>Written: {0}</source>
            <translation>書き出しました: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="602" />
            <location filename="../../ui/evaluate_page.py" line="613" />
            <source>Export</source>
            <translation>エクスポート</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="607" />
            <source>Export figures into folder</source>
            <translation>図をフォルダーにエクスポート</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="611" />
            <source>{0} files written to {1}</source>
            <translation>{0} 個のファイルを {1} に書き出しました</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="616" />
            <source>Evaluate: ↑ / ↓</source>
            <translation>評価: ↑ / ↓</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="616" />
            <source>previous / next image</source>
            <translation>前 / 次の画像</translation>
        </message>
    </context>
    <context>
        <name>FirstRunPanel</name>
        <message>
            <location filename="../../ui/first_run.py" line="133" />
            <source>No model loaded yet</source>
            <translation>モデルがまだ読み込まれていません</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="134" />
            <source>QC Station judges each part against a model of good parts. Choose how to get one:</source>
            <translation>QC Station は良品のモデルと比較して各ワークを判定します。モデルの用意方法を選んでください:</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="136" />
            <source>Train from a folder of good images</source>
            <translation>良品画像のフォルダーから学習</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="137" />
            <source>A few dozen photos of good parts are enough; training takes a minute or two on this PC.</source>
            <translation>良品の写真が数十枚あれば十分です。この PC での学習は 1～2 分です。</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="139" />
            <location filename="../../ui/first_run.py" line="148" />
            <source>Open a model file</source>
            <translation>モデルファイルを開く</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="140" />
            <source>A .qcs model trained on another station or exported earlier.</source>
            <translation>別のステーションで学習した、または以前にエクスポートした .qcs モデル。</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="141" />
            <source>Try the sample</source>
            <translation>サンプルを試す</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="142" />
            <source>Trains a model on built-in synthetic parts and plays its test images, so you see OK and NG verdicts at once.</source>
            <translation>内蔵の合成ワークでモデルを学習し、そのテスト画像を再生します。OK と NG の判定をすぐに確認できます。</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="144" />
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="149" />
            <source>QC Station models (*.qcs);;All files (*)</source>
            <translation>QC Station モデル (*.qcs);;すべてのファイル (*)</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="154" />
            <source>Loading %1 …</source>
            <translation>%1 を読み込み中 …</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="177" />
            <source>Model not loaded</source>
            <translation>モデルを読み込めませんでした</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="178" />
            <source>The model could not be opened:
%1</source>
            <translation>モデルを開けませんでした:
%1</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="198" />
            <source>Preparing the sample…</source>
            <translation>サンプルを準備中…</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="204" />
            <source>Cancelling…</source>
            <translation>キャンセル中…</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="226" />
            <source>The sample could not be prepared: %1</source>
            <translation>サンプルを準備できませんでした: %1</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="230" />
            <source>Sample cancelled.</source>
            <translation>サンプルをキャンセルしました。</translation>
        </message>
    </context>
    <context>
        <name>GroupedBarChart</name>
        <message>
            <location filename="../../widgets/charts.py" line="182" />
            <source>category</source>
            <translation>カテゴリ</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <location filename="../../ui/help_dialog.py" line="15" />
            <source>Help: keyboard shortcuts</source>
            <translation>ヘルプ: キーボードショートカット</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="21" />
            <source>No model yet? The Live page offers: train from a folder of good images, open a model file, or try the built-in sample.</source>
            <translation>モデルがまだない場合、ライブ画面から次を選べます: 良品画像のフォルダーから学習、モデルファイルを開く、内蔵サンプルを試す。</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="23" />
            <source>Live page: choose an image folder, a video file or a camera, then Start. Images posted to the HTTP endpoint show there too.</source>
            <translation>ライブ画面: 画像フォルダー、動画ファイル、またはカメラを選んで「開始」を押します。HTTP エンドポイントに送られた画像もここに表示されます。</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="25" />
            <source>Click a thumbnail in the NG strip to look at that part again; Esc returns to the live stream.</source>
            <translation>NG 一覧のサムネイルをクリックするとそのワークを再表示します。Esc でライブに戻ります。</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="27" />
            <source>F11 switches to operator mode: full screen, big verdict and counters.</source>
            <translation>F11 でオペレーターモードに切り替え: 全画面、大きな判定表示とカウンター。</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="29" />
            <source>Keyboard shortcuts</source>
            <translation>キーボードショートカット</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="30" />
            <source>Getting started</source>
            <translation>はじめに</translation>
        </message>
    </context>
    <context>
        <name>HistoryPage</name>
        <message>
            <location filename="../../ui/history_page.py" line="146" />
            <source>Export CSV…</source>
            <translation>CSV エクスポート…</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="147" />
            <source>Export every record matching the current filter</source>
            <translation>現在のフィルターに一致するすべての記録をエクスポート</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="186" />
            <source>History</source>
            <translation>履歴</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="233" />
            <source>Verdict</source>
            <translation>判定</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="344" />
            <source>The start date is after the end date.</source>
            <translation>開始日が終了日より後になっています。</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="347" />
            <source>The minimum score is above the maximum.</source>
            <translation>最小スコアが最大スコアを超えています。</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="351" />
            <source>No history database.</source>
            <translation>履歴データベースがありません。</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="359" />
            <source>Searching…</source>
            <translation>検索中…</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="380" />
            <source>Search failed: {0}</source>
            <translation>検索に失敗しました: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="383" />
            <source>{0} records</source>
            <translation>{0} 件</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="406" />
            <source>More than {0} records (counting…)</source>
            <translation>{0} 件以上（件数を数えています…）</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="440" />
            <source>{0} new — show newest</source>
            <translation>新着 {0} 件 — 最新を表示</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="510" />
            <location filename="../../ui/history_page.py" line="529" />
            <source>Export history as CSV</source>
            <translation>履歴を CSV でエクスポート</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="511" />
            <source>CSV files (*.csv)</source>
            <translation>CSV ファイル (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="520" />
            <source>Exporting…</source>
            <translation>エクスポート中…</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="524" />
            <source>Exported {0} records to {1}</source>
            <translation>{0} 件を {1} にエクスポートしました</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="528" />
            <source>Export failed: {0}</source>
            <translation>エクスポートに失敗しました: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="534" />
            <source>History: ↑ / ↓</source>
            <translation>履歴: ↑ / ↓</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="534" />
            <source>previous / next record</source>
            <translation>前 / 次の記録</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="535" />
            <source>History: Ctrl+F</source>
            <translation>履歴: Ctrl+F</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="535" />
            <source>search by name</source>
            <translation>名前で検索</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>記録</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>監査ログ</translation>
        </message>
    </context>
    <context>
        <name>LineChart</name>
        <message>
            <location filename="../../widgets/charts.py" line="214" />
            <source>category</source>
            <translation>カテゴリ</translation>
        </message>
    </context>
    <context>
        <name>LivePage</name>
        <message>
            <location filename="../../ui/live_page.py" line="134" />
            <source>Live</source>
            <translation>ライブ</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="339" />
            <source>Space</source>
            <translation>Space</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="339" />
            <source>Live: start / stop the source</source>
            <translation>ライブ: ソースの開始 / 停止</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="340" />
            <source>Live: single-shot trigger (one frame)</source>
            <translation>ライブ: 単発トリガー (1 フレーム)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="341" />
            <source>Live: heatmap on / off</source>
            <translation>ライブ: ヒートマップの表示 / 非表示</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="342" />
            <source>Live: fit the image to the view (or double-click it)</source>
            <translation>ライブ: 画像を表示領域に合わせる (またはダブルクリック)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="343" />
            <source>Wheel / drag</source>
            <translation>ホイール / ドラッグ</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="343" />
            <source>Live: zoom / pan the image</source>
            <translation>ライブ: 画像のズーム / 移動</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="344" />
            <source>Live: back to the live stream after showing an NG part</source>
            <translation>ライブ: NG ワーク表示後にライブへ戻る</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="348" />
            <source>Source:</source>
            <translation>ソース:</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="349" />
            <source>Image folder</source>
            <translation>画像フォルダー</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="349" />
            <location filename="../../ui/live_page.py" line="358" />
            <location filename="../../ui/live_page.py" line="575" />
            <source>Video file</source>
            <translation>動画ファイル</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="349" />
            <source>Camera</source>
            <translation>カメラ</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="351" />
            <location filename="../../ui/live_page.py" line="570" />
            <source>Folder of part images</source>
            <translation>ワーク画像のフォルダー</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="352" />
            <location filename="../../ui/live_page.py" line="359" />
            <source>Browse…</source>
            <translation>参照…</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="353" />
            <source>every</source>
            <translation>間隔</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="354" />
            <source>Time between two parts; 0 = as fast as inference allows</source>
            <translation>ワーク間の時間。0 = 推論の最大速度</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="355" />
            <source>Shuffle</source>
            <translation>シャッフル</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="356" />
            <location filename="../../ui/live_page.py" line="360" />
            <source>Loop</source>
            <translation>ループ</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="357" />
            <source>Subfolders</source>
            <translation>サブフォルダー</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="361" />
            <source>As fast as inference allows</source>
            <translation>推論の最大速度</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="362" />
            <source>Index</source>
            <translation>番号</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="363" />
            <source>Resolution</source>
            <translation>解像度</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="364" />
            <source>Driver default</source>
            <translation>ドライバー既定値</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="365" />
            <source>Exposure</source>
            <translation>露光</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="366" />
            <location filename="../../ui/live_page.py" line="368" />
            <source>auto</source>
            <translation>自動</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="367" />
            <source>Gain</source>
            <translation>ゲイン</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="369" />
            <source>Start</source>
            <translation>開始</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="370" />
            <source>Start the source (Space)</source>
            <translation>ソースを開始 (Space)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="371" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="372" />
            <source>Stop the source (Space)</source>
            <translation>ソースを停止 (Space)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="373" />
            <source>Trigger</source>
            <translation>トリガー</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="374" />
            <source>Inspect one frame (T)</source>
            <translation>1 フレームを検査 (T)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="375" />
            <source>Heatmap</source>
            <translation>ヒートマップ</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="376" />
            <source>Show the anomaly heatmap (H)</source>
            <translation>異常ヒートマップを表示 (H)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="377" />
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="378" />
            <source>Fit</source>
            <translation>全体表示</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="379" />
            <source>Fit the image to the view (F, or double-click)</source>
            <translation>画像を表示領域に合わせる (F、またはダブルクリック)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="380" />
            <source>Back to live</source>
            <translation>ライブに戻る</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="381" />
            <source>Waiting for parts</source>
            <translation>ワーク待ち</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="382" />
            <source>Last NG parts (click to show)</source>
            <translation>最近の NG ワーク (クリックで表示)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="383" />
            <source>Choose a source and press Start,
or post images to the endpoint.</source>
            <translation>ソースを選んで「開始」を押すか、
エンドポイントに画像を送信してください。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="446" />
            <source>Training</source>
            <translation>学習</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="447" />
            <source>Train a model from the command line:
python main.py train --ok FOLDER --out model.qcs
then open it here.</source>
            <translation>コマンドラインでモデルを学習:
python main.py train --ok FOLDER --out model.qcs
その後ここで開きます。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="458" />
            <source>Choose a folder of images first.</source>
            <translation>先に画像フォルダーを選択してください。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="460" />
            <source>The folder does not exist: %1</source>
            <translation>フォルダーが存在しません: %1</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="468" />
            <source>Choose a video file first.</source>
            <translation>先に動画ファイルを選択してください。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="470" />
            <source>The video file does not exist: %1</source>
            <translation>動画ファイルが存在しません: %1</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="492" />
            <source>No model loaded: train or open one first.</source>
            <translation>モデルが読み込まれていません: 先に学習するか開いてください。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="540" />
            <source>Stop the stream to use single-shot triggers.</source>
            <translation>単発トリガーを使うにはストリームを停止してください。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="549" />
            <source>Source stopped: %1</source>
            <translation>ソースが停止しました: %1</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="556" />
            <source>The source has ended.</source>
            <translation>ソースが終了しました。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="576" />
            <source>Videos (*.avi *.mp4 *.mkv *.mov *.wmv);;All files (*)</source>
            <translation>動画 (*.avi *.mp4 *.mkv *.mov *.wmv);;すべてのファイル (*)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="585" />
            <source>Inspection failed: %1</source>
            <translation>検査に失敗しました: %1</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="648" />
            <source>NG part held: </source>
            <translation>NG ワークを表示中: </translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="660" />
            <source>score %1 / threshold %2</source>
            <translation>スコア %1 / しきい値 %2</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="662" />
            <source>Defects: %1 · processing %2 ms</source>
            <translation>欠陥: %1 · 処理 %2 ms</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="688" />
            <source>Shift %1 started: counters restarted.</source>
            <translation>シフト %1 開始: カウンターをリセットしました。</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="692" />
            <source>Shift %1 · counting since %2</source>
            <translation>シフト %1 · %2 からカウント</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="695" />
            <source>Counting since %1</source>
            <translation>%1 からカウント</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="707" />
            <source>Processing %1 ms · %2 parts/s · %3 frames dropped</source>
            <translation>処理 %1 ms · %2 個/秒 · 破棄フレーム %3</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="712" />
            <source>Camera lost: reconnecting…</source>
            <translation>カメラ切断: 再接続中…</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="714" />
            <source>The camera driver ignores: %1</source>
            <translation>カメラドライバーが無視した設定: %1</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>Live: leave a text field, so Space and T work again</source>
            <translation>ライブ: テキスト欄から抜けて Space と T を再び有効にする</translation>
        </message>
        <message>
            <source>%1 × threshold · score %2 / threshold %3</source>
            <translation>しきい値の %1 倍 · スコア %2 / しきい値 %3</translation>
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
            <translation>エンドポイント: オフ</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="184" />
            <source>No model loaded</source>
            <translation>モデル未読み込み</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="186" />
            <source>Model: %1</source>
            <translation>モデル: %1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="189" />
            <source>Queue %1/%2</source>
            <translation>キュー %1/%2</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="197" />
            <source>Operator mode (full screen)</source>
            <translation>オペレーターモード (全画面)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="202" />
            <location filename="../../ui/main_window.py" line="240" />
            <source>Keyboard shortcuts</source>
            <translation>キーボードショートカット</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="228" />
            <source>Operator mode: full screen, big fonts</source>
            <translation>オペレーターモード: 全画面、大きな文字</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="229" />
            <source>This help</source>
            <translation>このヘルプ</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="230" />
            <source>Go to page 1 … 9</source>
            <translation>ページ 1 … 9 に移動</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>終了</translation>
        </message>
        <message>
            <source>Go to page 1 … %1</source>
            <translation>ページ 1 … %1 に移動</translation>
        </message>
    </context>
    <context>
        <name>ModelsPage</name>
        <message>
            <location filename="../../ui/models_page.py" line="103" />
            <source>Models</source>
            <translation>モデル</translation>
        </message>
        <message>
            <location filename="../../ui/models_page.py" line="237" />
            <source>Models: delete the selected model</source>
            <translation>モデル: 選択したモデルを削除</translation>
        </message>
        <message>
            <location filename="../../ui/models_page.py" line="238" />
            <source>Models: rename the selected model</source>
            <translation>モデル: 選択したモデルの名前を変更</translation>
        </message>
        <message>
            <location filename="../../ui/models_page.py" line="239" />
            <source>Models: activate the selected model</source>
            <translation>モデル: 選択したモデルを有効化</translation>
        </message>
        <message>
            <location filename="../../ui/models_page.py" line="337" />
            <source>A model needs a name.</source>
            <translation>モデルには名前が必要です。</translation>
        </message>
    </context>
    <context>
        <name>RecordDetailPanel</name>
        <message>
            <location filename="../../widgets/detail_panel.py" line="124" />
            <location filename="../../widgets/detail_panel.py" line="226" />
            <source>Select a record to see its details.</source>
            <translation>記録を選択すると詳細が表示されます。</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="129" />
            <source>Original image</source>
            <translation>元画像</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="130" />
            <source>Annotated: heatmap and defect boxes</source>
            <translation>注釈付き: ヒートマップと欠陥枠</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="132" />
            <source>Original</source>
            <translation>元画像</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="133" />
            <source>Annotated</source>
            <translation>注釈付き</translation>
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
            <translation>幅</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="137" />
            <source>height</source>
            <translation>高さ</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="137" />
            <source>area</source>
            <translation>面積</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="137" />
            <location filename="../../widgets/detail_panel.py" line="233" />
            <source>score</source>
            <translation>スコア</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="147" />
            <source>Regions</source>
            <translation>領域</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="148" />
            <source>Context (PEKAT)</source>
            <translation>コンテキスト (PEKAT)</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="149" />
            <source>Review</source>
            <translation>レビュー</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="151" />
            <source>Copy image</source>
            <translation>画像をコピー</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="152" />
            <source>Copy annotated</source>
            <translation>注釈付き画像をコピー</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="153" />
            <source>Open image folder</source>
            <translation>画像フォルダーを開く</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="187" />
            <source>Operator review</source>
            <translation>オペレーターによるレビュー</translation>
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
            <translation>メモ (任意): 理由、担当者、ロット…</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="196" />
            <source>Save review</source>
            <translation>レビューを保存</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="201" />
            <source>Verdict:</source>
            <translation>判定:</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="207" />
            <source>Note:</source>
            <translation>メモ:</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="233" />
            <source>defects</source>
            <translation>欠陥</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="234" />
            <source>source</source>
            <translation>ソース</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="234" />
            <source>model</source>
            <translation>モデル</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="242" />
            <source>loading…</source>
            <translation>読み込み中…</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="244" />
            <source>Image pruned by quota</source>
            <translation>容量上限により画像を削除済み</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="248" />
            <source>Image not saved (saving rule)</source>
            <translation>画像は保存されていません (保存ルール)</translation>
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
            <translation>画像ファイルがありません</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="290" />
            <source>Reviewed {0}: {1} (machine said {2})</source>
            <translation>{0} にレビュー済み: {1} (装置の判定は {2})</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="293" />
            <source>Not reviewed yet (machine verdict {0}).</source>
            <translation>未レビュー (装置の判定 {0})。</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="301" />
            <source>Saving…</source>
            <translation>保存中…</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="306" />
            <source>Review not saved: {0}</source>
            <translation>レビューは保存されませんでした: {0}</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="1" />
            <source>Find similar</source>
            <translation>類似を検索</translation>
        </message>
    </context>
    <context>
        <name>RecordTableModel</name>
        <message>
            <location filename="../../widgets/record_table.py" line="56" />
            <source>Time</source>
            <translation>時刻</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="56" />
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="56" />
            <source>Source</source>
            <translation>ソース</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="56" />
            <source>Part ID</source>
            <translation>ワーク ID</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="57" />
            <source>Verdict</source>
            <translation>判定</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="57" />
            <source>Defects</source>
            <translation>欠陥</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="57" />
            <source>Score</source>
            <translation>スコア</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="57" />
            <source>Model</source>
            <translation>モデル</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="222" />
            <source>{0} (was {1})</source>
            <translation>{0} (元は {1})</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="238" />
            <source>Reviewed by the operator: {0}</source>
            <translation>オペレーターがレビュー済み: {0}</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="240" />
            <source>normalized score {0:.3f} (1.0 = threshold)</source>
            <translation>正規化スコア {0:.3f} (1.0 = しきい値)</translation>
        </message>
        <message>
            <source>{0:.3f} × the threshold (1.0 = threshold); raw score {1:.4g}</source>
            <translation>しきい値の {0:.3f} 倍 (1.0 = しきい値)。生スコア {1:.4g}</translation>
        </message>
    </context>
    <context>
        <name>ScoreHistogram</name>
        <message>
            <location filename="../../widgets/charts.py" line="229" />
            <source>threshold {value:.3g}</source>
            <translation>しきい値 {value:.3g}</translation>
        </message>
        <message>
            <location filename="../../widgets/charts.py" line="261" />
            <source>bin start</source>
            <translation>区間の開始</translation>
        </message>
        <message>
            <location filename="../../widgets/charts.py" line="261" />
            <source>bin end</source>
            <translation>区間の終了</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../ui/settings_page.py" line="86" />
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="105" />
            <source>Start the HTTP endpoint with the window</source>
            <translation>ウィンドウと一緒に HTTP エンドポイントを起動</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="107" />
            <source>127.0.0.1: this PC only; 0.0.0.0: every network interface</source>
            <translation>127.0.0.1: この PC のみ。0.0.0.0: すべてのネットワークインターフェース</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="112" />
            <source>empty: no key required</source>
            <translation>空欄: キー不要</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="113" />
            <source>Show</source>
            <translation>表示</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="116" />
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="121" />
            <source> megapixels</source>
            <translation> メガピクセル</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="122" />
            <source>Larger images are refused with HTTP 413.</source>
            <translation>これより大きい画像は HTTP 413 で拒否されます。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="130" />
            <source>HTTP endpoint (PEKAT VISION protocol)</source>
            <translation>HTTP エンドポイント (PEKAT VISION プロトコル)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="133" />
            <source>Host:</source>
            <translation>ホスト:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="135" />
            <source>Port:</source>
            <translation>ポート:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="137" />
            <source>API key:</source>
            <translation>API キー:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="139" />
            <source>Max. image size:</source>
            <translation>最大画像サイズ:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="141" />
            <source>Host, port and on/off take effect after a restart; the API key and the image size limit at once.</source>
            <translation>ホスト、ポート、オン/オフは再起動後に有効になります。API キーと画像サイズ上限はすぐに有効です。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="146" />
            <source>All images</source>
            <translation>すべての画像</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="147" />
            <source>NG images only</source>
            <translation>NG 画像のみ</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="148" />
            <source>No images (results only)</source>
            <translation>画像なし (結果のみ)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="153" />
            <source>The oldest images are deleted beyond this size (results are kept).</source>
            <translation>このサイズを超えると古い画像から削除されます (結果は残ります)。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="158" />
            <source>Saving pauses, with a warning, below this free disk space.</source>
            <translation>空きディスク容量がこれを下回ると、警告を出して保存を一時停止します。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="160" />
            <source>default: the user's data folder</source>
            <translation>既定: ユーザーのデータフォルダー</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="161" />
            <source>Browse…</source>
            <translation>参照…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="164" />
            <source>optional, e.g. http://es-server:9200</source>
            <translation>任意。例: http://es-server:9200</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="167" />
            <source>History and images</source>
            <translation>履歴と画像</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="169" />
            <source>Save images:</source>
            <translation>画像の保存:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="170" />
            <source>Disk quota:</source>
            <translation>ディスク容量上限:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="171" />
            <source>Keep free:</source>
            <translation>確保する空き容量:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="172" />
            <source>Data folder:</source>
            <translation>データフォルダー:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="174" />
            <source>A new data folder (history database, images, models, logs) is used after a restart; existing data is not moved.</source>
            <translation>新しいデータフォルダー (履歴データベース、画像、モデル、ログ) は再起動後に使用されます。既存のデータは移動されません。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="176" />
            <source>Elasticsearch URL:</source>
            <translation>Elasticsearch URL:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="178" />
            <source>Elasticsearch index:</source>
            <translation>Elasticsearch インデックス:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="183" />
            <source>Automatic (CUDA when present)</source>
            <translation>自動 (CUDA があれば使用)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="184" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="185" />
            <source>CUDA (NVIDIA GPU)</source>
            <translation>CUDA (NVIDIA GPU)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="190" />
            <source>No CUDA GPU is available on this PC (torch.cuda.is_available() is false).</source>
            <translation>この PC には CUDA GPU がありません (torch.cuda.is_available() が false)。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="192" />
            <source>System language</source>
            <translation>システムの言語</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="196" />
            <source>Dark</source>
            <translation>ダーク</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="197" />
            <source>Light</source>
            <translation>ライト</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="198" />
            <source>Station</source>
            <translation>ステーション</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="200" />
            <source>Device:</source>
            <translation>デバイス:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="202" />
            <source>Language:</source>
            <translation>言語:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="203" />
            <source>Theme:</source>
            <translation>テーマ:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="204" />
            <source>Device and language take effect after a restart; the theme at once.</source>
            <translation>デバイスと言語は再起動後に、テーマはすぐに有効になります。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="208" />
            <source>Shift</source>
            <translation>シフト</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="208" />
            <source>Starts (HH:MM)</source>
            <translation>開始 (HH:MM)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="213" />
            <source>Add shift</source>
            <translation>シフトを追加</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="214" />
            <source>Remove shift</source>
            <translation>シフトを削除</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="217" />
            <source>Shifts</source>
            <translation>シフト</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="222" />
            <source>Counters and reports group parts by shift; a shift may cross midnight.</source>
            <translation>カウンターとレポートはワークをシフトごとに集計します。シフトは午前 0 時をまたいでもかまいません。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="225" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="226" />
            <source>Revert</source>
            <translation>元に戻す</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="278" />
            <source>Choose the data folder</source>
            <translation>データフォルダーを選択</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="289" />
            <source>⚠ The endpoint will be reachable from the network without an API key: anyone on it can post images and read the history. Set an API key.</source>
            <translation>⚠ API キーなしでエンドポイントがネットワークから到達可能になります: ネットワーク上の誰でも画像を送信し、履歴を読めます。API キーを設定してください。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="428" />
            <source>Not saved.</source>
            <translation>保存されていません。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="447" />
            <source>Cannot write the settings file: %1</source>
            <translation>設定ファイルに書き込めません: %1</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="450" />
            <source>Saved. Some changes take effect after a restart.</source>
            <translation>保存しました。一部の変更は再起動後に有効になります。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="451" />
            <source>Saved.</source>
            <translation>保存しました。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="467" />
            <source>Saved, but the image store could not switch: %1</source>
            <translation>保存しましたが、画像の保存先を切り替えられませんでした: %1</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="350" />
            <source>Host must be an IP address or a host name (e.g. 127.0.0.1 or 0.0.0.0).</source>
            <translation>ホストは IP アドレスまたはホスト名にしてください (例: 127.0.0.1 または 0.0.0.0)。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="354" />
            <source>Port must be a whole number from 1 to 65535 (got “%1”).</source>
            <translation>ポートは 1 から 65535 までの整数にしてください (入力値「%1」)。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="357" />
            <source>An API key needs at least 8 characters and no spaces.</source>
            <translation>API キーは 8 文字以上で、空白を含まないようにしてください。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="366" />
            <source>The data folder must be an absolute path.</source>
            <translation>データフォルダーは絶対パスにしてください。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="368" />
            <source>The data folder path is a file, not a folder.</source>
            <translation>データフォルダーのパスはフォルダーではなくファイルです。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="371" />
            <source>The Elasticsearch URL must start with http:// or https://.</source>
            <translation>Elasticsearch URL は http:// または https:// で始めてください。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="374" />
            <source>The Elasticsearch index must be lowercase letters, digits, '-', '_' or '.'.</source>
            <translation>Elasticsearch インデックスは英小文字、数字、'-'、'_'、'.' のみ使用できます。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="381" />
            <source>CUDA is not available on this PC.</source>
            <translation>この PC では CUDA を使用できません。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="388" />
            <source>Define at least one shift.</source>
            <translation>シフトを 1 つ以上定義してください。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="391" />
            <source>Shift %1 has no name.</source>
            <translation>シフト %1 に名前がありません。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="393" />
            <source>Shift name “%1” is used twice.</source>
            <translation>シフト名「%1」が重複しています。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="395" />
            <source>Shift “%1”: start “%2” is not a time like 06:00.</source>
            <translation>シフト「%1」: 開始「%2」は 06:00 のような時刻ではありません。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="398" />
            <source>Two shifts start at the same time.</source>
            <translation>2 つのシフトが同じ時刻に始まっています。</translation>
        </message>
    </context>
    <context>
        <name>ShiftCounters</name>
        <message>
            <location filename="../../widgets/counters.py" line="43" />
            <source>Total</source>
            <translation>合計</translation>
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
            <translation>良品率</translation>
        </message>
        <message>
            <location filename="../../widgets/counters.py" line="46" />
            <source>Reset</source>
            <translation>リセット</translation>
        </message>
        <message>
            <location filename="../../widgets/counters.py" line="47" />
            <source>Start counting a new shift</source>
            <translation>新しいシフトのカウントを開始</translation>
        </message>
        <message>
            <source>Reset the counters</source>
            <translation>カウンターをリセット</translation>
        </message>
        <message>
            <source>Set the shift counters (%1 parts, %2 NG) back to zero?</source>
            <translation>シフトのカウンター (%1 個、NG %2 個) をゼロに戻しますか?</translation>
        </message>
    </context>
    <context>
        <name>ShiftReport</name>
        <message>
            <location filename="../../ui/report.py" line="27" />
            <source>Charts</source>
            <translation>グラフ</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="28" />
            <source>Counts</source>
            <translation>件数</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="29" />
            <source>Defects found</source>
            <translation>検出された欠陥</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="30" />
            <source>Inspected</source>
            <translation>検査数</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="31" />
            <source>Last NG parts</source>
            <translation>最近の NG ワーク</translation>
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
            <translation>この期間に NG ワークはありません。</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="35" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="36" />
            <source>Per shift</source>
            <translation>シフト別</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="37" />
            <source>Period</source>
            <translation>期間</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="38" />
            <source>QC Station shift report</source>
            <translation>QC Station シフトレポート</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="39" />
            <source>Shift</source>
            <translation>シフト</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="40" />
            <source>Yield</source>
            <translation>良品率</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="41" />
            <source>defects</source>
            <translation>欠陥</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="42" />
            <source>generated</source>
            <translation>作成日時</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="43" />
            <source>image not saved</source>
            <translation>画像未保存</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="44" />
            <source>image pruned by quota</source>
            <translation>容量上限により画像を削除済み</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="45" />
            <source>score</source>
            <translation>スコア</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>概要</translation>
        </message>
        <message>
            <source>Where defects sit (NG parts)</source>
            <translation>欠陥の位置 (NG ワーク)</translation>
        </message>
        <message>
            <source>no model loaded</source>
            <translation>モデル未読み込み</translation>
        </message>
        <message>
            <source>threshold %1</source>
            <translation>しきい値 %1</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>モデル</translation>
        </message>
    </context>
    <context>
        <name>StationShell</name>
        <message>
            <location filename="../../ui/app.py" line="198" />
            <source>Endpoint: off (enable it in the settings)</source>
            <translation>エンドポイント: オフ (設定で有効にしてください)</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="216" />
            <source>Endpoint not running: %1</source>
            <translation>エンドポイントが動作していません: %1</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="221" />
            <source>Endpoint %1</source>
            <translation>エンドポイント %1</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="222" />
            <source>Line PLCs and scripts post images to %1/analyze_image</source>
            <translation>ライン PLC やスクリプトは %1/analyze_image に画像を送信します</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="226" />
            <source>Endpoint open to the network without an API key</source>
            <translation>API キーなしでネットワークに公開されたエンドポイント</translation>
        </message>
    </context>
    <context>
        <name>StatisticsPage</name>
        <message>
            <location filename="../../ui/statistics_page.py" line="60" />
            <source>Today</source>
            <translation>今日</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="60" />
            <source>Current shift</source>
            <translation>現在のシフト</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="61" />
            <source>Last 7 days</source>
            <translation>過去 7 日間</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="61" />
            <source>Last 15 days</source>
            <translation>過去 15 日間</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="62" />
            <source>Custom</source>
            <translation>カスタム</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="75" />
            <source>Export charts…</source>
            <translation>グラフをエクスポート…</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="76" />
            <source>Write every chart as PNG and its numbers as CSV into a folder</source>
            <translation>すべてのグラフを PNG、数値を CSV としてフォルダーに書き出す</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="77" />
            <source>Shift report…</source>
            <translation>シフトレポート…</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="78" />
            <source>A printable report (HTML or PDF) of the period</source>
            <translation>期間の印刷用レポート (HTML または PDF)</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="79" />
            <source>Refresh</source>
            <translation>更新</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="82" />
            <source>Period</source>
            <translation>期間</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="94" />
            <source>Records and defects per day</source>
            <translation>日別の記録数と欠陥数</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="95" />
            <location filename="../../ui/statistics_page.py" line="221" />
            <source>NG rate per day</source>
            <translation>日別 NG 率</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="96" />
            <source>NG rate per shift</source>
            <translation>シフト別 NG 率</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="97" />
            <source>Score distribution (1.0 = threshold)</source>
            <translation>スコア分布 (1.0 = しきい値)</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="98" />
            <source>Defects per part</source>
            <translation>ワークあたりの欠陥数</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="112" />
            <source>Right-click: save as PNG or CSV</source>
            <translation>右クリック: PNG または CSV で保存</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="137" />
            <source>Statistics</source>
            <translation>統計</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="181" />
            <source>No history database.</source>
            <translation>履歴データベースがありません。</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="200" />
            <source>Statistics unavailable: {0}</source>
            <translation>統計を表示できません: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="208" />
            <source>Inspected</source>
            <translation>検査数</translation>
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
            <translation>良品率</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="209" />
            <source>Defects found</source>
            <translation>検出された欠陥</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="217" />
            <source>records</source>
            <translation>記録</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="218" />
            <source>defects</source>
            <translation>欠陥</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="219" />
            <source>date</source>
            <translation>日付</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="224" />
            <source>NG rate per hour</source>
            <translation>時間別 NG 率</translation>
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
            <translation>区間</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="231" />
            <source>shift</source>
            <translation>シフト</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="234" />
            <source>normalized score</source>
            <translation>正規化スコア</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="236" />
            <source>parts</source>
            <translation>ワーク数</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="237" />
            <source>defects per part</source>
            <translation>ワークあたりの欠陥数</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="242" />
            <source>Save chart as PNG…</source>
            <translation>グラフを PNG で保存…</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="243" />
            <source>Save numbers as CSV…</source>
            <translation>数値を CSV で保存…</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="246" />
            <source>Save chart</source>
            <translation>グラフの保存</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="247" />
            <source>PNG images (*.png)</source>
            <translation>PNG 画像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="251" />
            <source>Save numbers</source>
            <translation>数値の保存</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="252" />
            <source>CSV files (*.csv)</source>
            <translation>CSV ファイル (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="260" />
            <location filename="../../ui/statistics_page.py" line="278" />
            <source>Export</source>
            <translation>エクスポート</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="273" />
            <source>Export charts into folder</source>
            <translation>グラフをフォルダーにエクスポート</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="280" />
            <source>{0} files written to {1}</source>
            <translation>{0} 個のファイルを {1} に書き出しました</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="288" />
            <source>Save shift report</source>
            <translation>シフトレポートの保存</translation>
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
            <translation>シフトレポート</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="303" />
            <source>Report written to {0}</source>
            <translation>レポートを {0} に書き出しました</translation>
        </message>
        <message>
            <source>Records and NG parts per hour</source>
            <translation>時間別の記録数と NG ワーク数</translation>
        </message>
        <message>
            <source>hour</source>
            <translation>時</translation>
        </message>
    </context>
    <context>
        <name>TrainDialog</name>
        <message>
            <location filename="../../ui/train_dialog.py" line="166" />
            <source>Train a model</source>
            <translation>モデルの学習</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="169" />
            <source>Loading images</source>
            <translation>画像を読み込み中</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="170" />
            <source>Extracting features</source>
            <translation>特徴量を抽出中</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="171" />
            <source>Building the memory bank</source>
            <translation>メモリバンクを構築中</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="172" />
            <source>Learning how OK parts vary</source>
            <translation>OK ワークのばらつきを学習中</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="172" />
            <source>Calibrating the threshold</source>
            <translation>しきい値を校正中</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="180" />
            <source>Training the flow</source>
            <translation>フローを学習中</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="176" />
            <source>folder with images of good parts</source>
            <translation>良品画像のフォルダー</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="179" />
            <source>optional: defective parts, to calibrate the threshold</source>
            <translation>任意: 不良品の画像 (しきい値の校正用)</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="182" />
            <location filename="../../ui/train_dialog.py" line="296" />
            <source>e.g. bottle-line-3</source>
            <translation>例: bottle-line-3</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="188" />
            <source>Make it the active model when training succeeds</source>
            <translation>学習に成功したら使用中のモデルにする</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="192" />
            <source>OK images:</source>
            <translation>OK 画像:</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="192" />
            <source>Choose the folder of OK images</source>
            <translation>OK 画像のフォルダーを選択</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="194" />
            <source>NG images:</source>
            <translation>NG 画像:</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="194" />
            <source>Choose the folder of NG images</source>
            <translation>NG 画像のフォルダーを選択</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="196" />
            <source>Name:</source>
            <translation>名前:</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="197" />
            <source>Algorithm:</source>
            <translation>アルゴリズム:</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="201" />
            <source>Set the algorithm parameters myself</source>
            <translation>アルゴリズムのパラメーターを自分で設定する</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="202" />
            <source>Algorithm parameters</source>
            <translation>アルゴリズムのパラメーター</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="207" />
            <source>Defaults</source>
            <translation>既定値</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="216" />
            <source>Ready.</source>
            <translation>準備完了。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="226" />
            <source>Train</source>
            <translation>学習</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="228" />
            <source>Cancel training</source>
            <translation>学習をキャンセル</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="230" />
            <source>Close</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="267" />
            <source>Browse…</source>
            <translation>参照…</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="298" />
            <source>Need at least %1 images of good parts.</source>
            <translation>良品の画像が %1 枚以上必要です。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="300" />
            <source>This folder does not exist.</source>
            <translation>このフォルダーは存在しません。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="302" />
            <location filename="../../ui/train_dialog.py" line="310" />
            <source>%1 images found.</source>
            <translation>%1 枚の画像が見つかりました。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="304" />
            <source>Need at least %1.</source>
            <translation>%1 枚以上必要です。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="306" />
            <source>More images (20 or more) give a more reliable model.</source>
            <translation>画像が多いほど (20 枚以上)、信頼性の高いモデルになります。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="312" />
            <source>Without NG images the threshold is set from held-out OK images.</source>
            <translation>NG 画像がない場合、しきい値は学習に使わなかった OK 画像から決められます。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="324" />
            <source>Choose an existing folder of OK images.</source>
            <translation>存在する OK 画像のフォルダーを選択してください。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="328" />
            <source>Need at least %1 OK images; this folder has %2.</source>
            <translation>OK 画像が %1 枚以上必要ですが、このフォルダーには %2 枚しかありません。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="335" />
            <source>The NG folder does not exist.</source>
            <translation>NG フォルダーが存在しません。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="339" />
            <source>The NG folder has no images; clear it or choose another one.</source>
            <translation>NG フォルダーに画像がありません。空欄にするか別のフォルダーを選んでください。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="372" />
            <source>Starting…</source>
            <translation>開始中…</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="385" />
            <source>Cancelling…</source>
            <translation>キャンセル中…</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="415" />
            <source>Trained “%1” in %2 s; saved as %3.</source>
            <translation>「%1」を %2 秒で学習し、%3 として保存しました。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="420" />
            <source>Done</source>
            <translation>完了</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="433" />
            <source>The model was saved but could not be activated: %1</source>
            <translation>モデルは保存されましたが、有効化できませんでした: %1</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="437" />
            <source>Training failed.</source>
            <translation>学習に失敗しました。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="442" />
            <source>Training cancelled; nothing was saved.</source>
            <translation>学習をキャンセルしました。何も保存されていません。</translation>
        </message>
        <message>
            <source>Not validated yet: without NG images the threshold comes from OK images only, and such a threshold can pass many defects (on a real commutator set it missed half of the cracks). Evaluate the model on a labelled folder with NG parts before it judges the line.</source>
            <translation>まだ検証されていません: NG 画像がないため、しきい値は OK 画像のみから決められています。このようなしきい値は多くの欠陥を見逃すことがあります (実際の整流子のデータでは割れの半数を見逃しました)。ラインで判定させる前に、NG ワークを含むラベル付きフォルダーでモデルを評価してください。</translation>
        </message>
        <message>
            <source>Evaluate next…</source>
            <translation>続けて評価…</translation>
        </message>
        <message>
            <source>The line is running: tick this to switch it to the new model when training ends (you will be asked to confirm).</source>
            <translation>ラインが稼働中です: 学習終了時に新しいモデルへ切り替えるにはチェックしてください (確認を求められます)。</translation>
        </message>
        <message>
            <source>Not activated: the line keeps its model.</source>
            <translation>有効化されませんでした: ラインは現在のモデルのままです。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" />
            <source>Self-check: %1 % of synthetic defects caught at the threshold; about %2 % of good parts expected to be rejected.</source>
            <translation>自己チェック: しきい値で合成欠陥の %1 % を検出。良品の約 %2 % が不良と判定される見込みです。</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" />
            <source>This model will likely miss small defects on this part: add NG examples or more OK images.</source>
            <translation>このモデルはこのワークの小さな欠陥を見逃す可能性が高いです: NG の例か、OK 画像を追加してください。</translation>
        </message>
        <message>
            <source>Each part is found, turned to one orientation and framed before it is inspected.</source>
            <translation>各部品は検査の前に位置を特定され、同じ向きに回転され、画枠に収められます。</translation>
        </message>
        <message>
            <source>Each part is found, centred and framed before it is inspected.</source>
            <translation>各部品は検査の前に位置を特定され、中央に置かれ、画枠に収められます。</translation>
        </message>
    </context>
    <context>
        <name>AlgorithmRegistry</name>
        <message>
            <source>CS-Flow (cross-scale normalising flow)</source>
            <translation>CS-Flow (クロススケール正規化フロー)</translation>
        </message>
        <message>
            <source>Learns from OK images only. A normalising flow trained for this part judges each position at three image scales together; slower to train (minutes) than PatchCore, for surfaces where defects differ from normal variation in texture and context rather than in a single patch.</source>
            <translation>OK 画像のみから学習します。このワーク用に学習した正規化フローが、3 つの画像スケールで各位置をまとめて判定します。PatchCore より学習に時間がかかります (数分)。欠陥が単一パッチではなく、質感や周囲との関係で正常なばらつきと異なる表面に向いています。</translation>
        </message>
        <message>
            <source>analysed size of the finest scale: about input_size² pixels (area), the long side (long_side, cap) or both sides (square); the other scales are 1/2 and 1/4</source>
            <translation>最も細かいスケールの解析サイズ: 約 input_size² 画素 (area)、長辺 (long_side, cap)、または両辺 (square)。他のスケールは 1/2 と 1/4</translation>
        </message>
        <message>
            <source>backbone stage read at each of the three scales</source>
            <translation>3 つの各スケールで読み出すバックボーンの段</translation>
        </message>
        <message>
            <source>coupling blocks of the flow (more = more flexible, slower)</source>
            <translation>フローのカップリングブロック数 (多いほど柔軟で遅い)</translation>
        </message>
        <message>
            <source>width of the cross-scale convolutions inside each coupling</source>
            <translation>各カップリング内のクロススケール畳み込みの幅</translation>
        </message>
        <message>
            <source>soft clamp of the coupling's log-scale (stability)</source>
            <translation>カップリングの対数スケールのソフトクランプ (安定性)</translation>
        </message>
        <message>
            <source>Adam learning rate</source>
            <translation>Adam の学習率</translation>
        </message>
        <message>
            <source>feature maps per optimisation step</source>
            <translation>最適化ステップあたりの特徴マップ数</translation>
        </message>
        <message>
            <source>wall-clock budget for training the flow (s); training stops at this budget or after max_epochs, whichever comes first</source>
            <translation>フロー学習の実時間上限 (秒)。この時間か max_epochs のどちらか早い方で学習を終了します</translation>
        </message>
        <message>
            <source>upper bound on passes over the training features</source>
            <translation>学習特徴量を通す回数の上限</translation>
        </message>
        <message>
            <source>views per OK image (the original plus brightness/contrast-jittered copies); features are computed once per view</source>
            <translation>OK 画像 1 枚あたりのビュー数 (元画像と明るさ・コントラストを揺らしたコピー)。特徴量はビューごとに 1 回計算されます</translation>
        </message>
        <message>
            <source>OK images held out of training to calibrate</source>
            <translation>校正用に学習から除外する OK 画像</translation>
        </message>
        <message>
            <source>random seed (initialisation, permutations, batch order, jitter)</source>
            <translation>乱数シード (初期化、置換、バッチ順、揺らぎ)</translation>
        </message>
        <message>
            <source>PatchCore (memory bank of normal patches)</source>
            <translation>PatchCore (正常パッチのメモリバンク)</translation>
        </message>
        <message>
            <source>Learns from OK images only. Each image patch is compared with the closest normal patch seen in training; tolerant to small shifts, good for textures and for parts that are not aligned.</source>
            <translation>OK 画像のみから学習します。画像の各パッチを、学習で見た最も近い正常パッチと比較します。小さな位置ずれに強く、テクスチャや位置決めされていないワークに適しています。</translation>
        </message>
        <message>
            <source>ImageNet feature extractor</source>
            <translation>ImageNet 特徴抽出器</translation>
        </message>
        <message>
            <source>region of interest: left edge (px of the original image)</source>
            <translation>検査領域: 左端 (元画像の px)</translation>
        </message>
        <message>
            <source>region of interest: top edge (px)</source>
            <translation>検査領域: 上端 (px)</translation>
        </message>
        <message>
            <source>region of interest: width (px); 0 = the whole image</source>
            <translation>検査領域: 幅 (px)。0 = 画像全体</translation>
        </message>
        <message>
            <source>region of interest: height (px); 0 = the whole image</source>
            <translation>検査領域: 高さ (px)。0 = 画像全体</translation>
        </message>
        <message>
            <source>analysed size: about input_size² pixels (area), the long side (long_side, cap) or both sides (square)</source>
            <translation>解析サイズ: 約 input_size² 画素 (area)、長辺 (long_side, cap)、または両辺 (square)</translation>
        </message>
        <message>
            <source>area: keep the aspect ratio, scale to about input_size² pixels; square: squash to input_size²; long_side: long side = input_size; cap: keep native scale, shrink only above input_size</source>
            <translation>area: 縦横比を保ち約 input_size² 画素に拡縮。square: input_size² に変形。long_side: 長辺 = input_size。cap: 元の倍率を保ち、input_size を超える場合のみ縮小</translation>
        </message>
        <message>
            <source>mirrored border added before the network, cropped after (px, multiple of 8)</source>
            <translation>ネットワークの前に付加し、後で切り取るミラー境界 (px、8 の倍数)</translation>
        </message>
        <message>
            <source>backbone stages merged into a patch feature</source>
            <translation>パッチ特徴量に統合するバックボーンの段</translation>
        </message>
        <message>
            <source>local aggregation window (patches)</source>
            <translation>局所集約の窓 (パッチ)</translation>
        </message>
        <message>
            <source>contrast normalisation before the network</source>
            <translation>ネットワーク前のコントラスト正規化</translation>
        </message>
        <message>
            <source>fraction of training patches kept in the memory bank</source>
            <translation>メモリバンクに残す学習パッチの割合</translation>
        </message>
        <message>
            <source>upper bound on memory-bank size (latency grows with it)</source>
            <translation>メモリバンクサイズの上限 (大きいほど遅延が増える)</translation>
        </message>
        <message>
            <source>divide each patch's distance by the typical OK distance at that place in the image (learned leave-one-out from the OK images): edges and corners that always vary stop dominating the score</source>
            <translation>各パッチの距離を、画像内のその位置での典型的な OK 距離で割る (OK 画像から leave-one-out で学習): 常に変動するエッジや角がスコアを支配しなくなる</translation>
        </message>
        <message>
            <source>image score: most anomalous patch, or PatchCore reweighting</source>
            <translation>画像スコア: 最も異常なパッチ、または PatchCore の再重み付け</translation>
        </message>
        <message>
            <source>Gaussian smoothing of the anomaly map (input px)</source>
            <translation>異常マップのガウス平滑化 (入力 px)</translation>
        </message>
        <message>
            <source>OK images held out of the bank to calibrate</source>
            <translation>校正用にメモリバンクから除外する OK 画像</translation>
        </message>
        <message>
            <source>threshold = max held-out OK score × (1 + margin)</source>
            <translation>しきい値 = 除外した OK 画像の最大スコア × (1 + マージン)</translation>
        </message>
        <message>
            <source>random seed (coreset start, projection)</source>
            <translation>乱数シード (コアセットの開始点、射影)</translation>
        </message>
        <message>
            <source>target share of good parts judged NG (false rejects); the threshold comes from a tail fitted to the OK scores</source>
            <translation>NG と判定される良品の目標割合 (誤排出)。しきい値は OK スコアに当てはめた裾分布から決まります</translation>
        </message>
        <message>
            <source>with NG images: a missed defect costs this many rejected good parts (sets the threshold)</source>
            <translation>NG 画像がある場合: 欠陥 1 件の見逃しが良品何個分の排出に相当するか (しきい値を決める)</translation>
        </message>
        <message>
            <source>with NG images: they may lower the threshold only until this share of good parts is expected to be judged NG</source>
            <translation>NG 画像がある場合: しきい値を下げてよいのは、良品がこの割合まで NG と判定されると見込まれるところまで</translation>
        </message>
        <message>
            <source>with NG images: learn a small defect classifier on the patch features, combined with the anomaly map</source>
            <translation>NG 画像がある場合: パッチ特徴量で小さな欠陥分類器を学習し、異常マップと組み合わせる</translation>
        </message>
        <message>
            <source>after training, paste synthetic defects on held-out OK images and report how many the model catches</source>
            <translation>学習後、除外した OK 画像に合成欠陥を貼り付け、モデルが何件検出するかを報告する</translation>
        </message>
        <message>
            <source>image score: most anomalous patch, PatchCore reweighting, or the map divided by its median (max_over_median)</source>
            <translation>画像スコア: 最も異常なパッチ、PatchCore の再重み付け、またはマップをその中央値で割った値 (max_over_median)</translation>
        </message>
        <message>
            <source>calibrate OK images that look different (lightings, finishes) apart: up to this many appearance groups, each with its own position profile and score scale, used only when the groups are clearly distinct; 1 = off</source>
            <translation>見た目の異なる OK 画像 (照明、表面仕上げ) を分けて校正する: 最大この数の外観グループに分け、それぞれに位置プロファイルとスコア尺度を持たせる。グループがはっきり分かれる場合のみ使用; 1 = オフ</translation>
        </message>
        <message>
            <source>how distinct appearance groups must be to be calibrated apart (mean silhouette of the grouping, 0-1)</source>
            <translation>外観グループを分けて校正するために必要な分離の度合い (グルーピングの平均シルエット係数、0-1)</translation>
        </message>
        <message>
            <source>OK images held out of the bank (calibration, synthetic self-check)</source>
            <translation>メモリバンクから除外する OK 画像 (校正、合成自己チェック)</translation>
        </message>
        <message>
            <source>with fewer than 6 OK scores: threshold = max OK score × (1 + margin)</source>
            <translation>OK スコアが 6 個未満の場合: しきい値 = OK の最大スコア × (1 + マージン)</translation>
        </message>
        <message>
            <source>adapt the patch features to this part before building the memory bank, learned from synthetic defects pasted on the OK images: reweight the feature channels (channels) or a full linear projection (linear); none = the plain backbone features</source>
            <translation>メモリバンク構築前に、良品画像に貼り付けた合成欠陥から学習して特徴をこの部品に適応させる: 特徴チャネルの重み付け (channels) または完全な線形射影 (linear)。none = バックボーン特徴そのまま</translation>
        </message>
        <message>
            <source>optimisation steps of the feature adaptor (adapt=channels or linear)</source>
            <translation>特徴アダプタの最適化ステップ数 (adapt=channels または linear)</translation>
        </message>
        <message>
            <source>wall-clock budget for training the feature adaptor (s); it stops at this budget or after adapt_steps, whichever comes first</source>
            <translation>特徴アダプタ学習の時間予算 (秒)。予算または adapt_steps のいずれか早い方で停止</translation>
        </message>
        <message>
            <source>synthetic-defect copies of each OK image the feature adaptor learns from</source>
            <translation>特徴アダプタが学習に使う良品画像 1 枚あたりの合成欠陥コピー数</translation>
        </message>
        <message>
            <source>locate the part before the network (inference.alignment): auto = decided from the OK images at training (stored as one of the others; bundles without it load as none); translate = centre the part and crop the frame to it; rotate = also turn it to its principal axis; none = the image as it is</source>
            <translation>ネットワークの前に部品を位置決めする（inference.alignment）：auto = 学習時に良品画像から決定（他のいずれかとして保存。このパラメータのない旧モデルは none として読み込み）；translate = 部品を中央に置き、画枠を部品に合わせて切り出す；rotate = さらに部品を主軸の向きに回転；none = 画像をそのまま解析</translation>
        </message>
        <message>
            <source>width of the part's frame when aligning, as a fraction of the image width (fitted at training with align=auto)</source>
            <translation>位置合わせ時の部品画枠の幅（画像幅に対する比率。align=auto では学習時に決定）</translation>
        </message>
        <message>
            <source>height of the part's frame when aligning, as a fraction of the image height (fitted at training with align=auto)</source>
            <translation>位置合わせ時の部品画枠の高さ（画像高さに対する比率。align=auto では学習時に決定）</translation>
        </message>
        <message>
            <source>weight of the long dark-line channels added to each patch feature: thin cracks and scratches that the texture features confuse with the surface; 0 = off (default; 8 = the measured setting)</source>
            <translation>各パッチ特徴に加える長い暗線チャネルの重み：テクスチャ特徴が表面と混同しやすい細い亀裂や傷；0 = オフ（既定；8 = 実測した設定）</translation>
        </message>
        <message>
            <source>the part's strong-line level the line channels are measured in (fitted at training; 0 = fit; bundles without it have no line channels)</source>
            <translation>線チャネルの単位となる部品の強い線のレベル（学習時に推定；0 = 推定する；この値のないモデルファイルには線チャネルがない）</translation>
        </message>
        <message>
            <source>length of the lines the line channels integrate along (px of the analysed image)</source>
            <translation>線チャネルが積分する線の長さ（解析画像のピクセル）</translation>
        </message>
    </context>
    <context>
        <name>SettingsValidation</name>
        <message>
            <source>Host must be an IP address or a host name (e.g. 127.0.0.1 or 0.0.0.0).</source>
            <translation>ホストは IP アドレスまたはホスト名にしてください (例: 127.0.0.1 または 0.0.0.0)。</translation>
        </message>
        <message>
            <source>Port must be a whole number from 0 to 65535 (got “%1”).</source>
            <translation>ポートは 0 から 65535 までの整数にしてください (入力値「%1」)。</translation>
        </message>
        <message>
            <source>An API key needs at least 8 characters and no spaces.</source>
            <translation>API キーは 8 文字以上で、空白を含まないようにしてください。</translation>
        </message>
        <message>
            <source>%1 must be greater than zero (got %2).</source>
            <translation>%1 は 0 より大きくしてください (入力値 %2)。</translation>
        </message>
        <message>
            <source>%1 must not be negative (got %2).</source>
            <translation>%1 は負の値にできません (入力値 %2)。</translation>
        </message>
        <message>
            <source>%1 must be one of %2 (got “%3”).</source>
            <translation>%1 は %2 のいずれかにしてください (入力値「%3」)。</translation>
        </message>
        <message>
            <source>The data folder must be an absolute path.</source>
            <translation>データフォルダーは絶対パスにしてください。</translation>
        </message>
        <message>
            <source>The data folder path is a file, not a folder.</source>
            <translation>データフォルダーのパスはフォルダーではなくファイルです。</translation>
        </message>
        <message>
            <source>The Elasticsearch URL must start with http:// or https://.</source>
            <translation>Elasticsearch URL は http:// または https:// で始めてください。</translation>
        </message>
        <message>
            <source>The Elasticsearch index must be lowercase letters, digits, '-', '_' or '.'.</source>
            <translation>Elasticsearch インデックスは英小文字、数字、'-'、'_'、'.' のみ使用できます。</translation>
        </message>
        <message>
            <source>CUDA is not available on this PC.</source>
            <translation>この PC では CUDA を使用できません。</translation>
        </message>
        <message>
            <source>The heatmap opacity must be between 0 and 1 (got %1).</source>
            <translation>ヒートマップの不透明度は 0 から 1 の間にしてください (入力値 %1)。</translation>
        </message>
        <message>
            <source>Define at least one shift.</source>
            <translation>シフトを 1 つ以上定義してください。</translation>
        </message>
        <message>
            <source>Shift %1 has no name.</source>
            <translation>シフト %1 に名前がありません。</translation>
        </message>
        <message>
            <source>Shift name “%1” is used twice.</source>
            <translation>シフト名「%1」が重複しています。</translation>
        </message>
        <message>
            <source>Shift “%1”: start “%2” is not a time like 06:00.</source>
            <translation>シフト「%1」: 開始「%2」は 06:00 のような時刻ではありません。</translation>
        </message>
        <message>
            <source>Two shifts start at the same time.</source>
            <translation>2 つのシフトが同じ時刻に始まっています。</translation>
        </message>
        <message>
            <source>The engineer PIN is not a valid PIN hash; set the PIN again.</source>
            <translation>エンジニア PIN が有効な PIN ハッシュではありません。PIN を設定し直してください。</translation>
        </message>
    </context>
    <context>
        <name>Insights</name>
        <message>
            <source>Over half the parts now score at or above the threshold, where OK parts scored {reference} of it at calibration (model {model}, since {since}): lighting, focus or the part changed; good parts are being rejected.</source>
            <translation>現在、半数以上のワークがしきい値以上のスコアになっています。校正時の OK ワークはしきい値の {reference} でした (モデル {model}、{since} 以降): 照明、ピント、またはワークが変わり、良品が排出されています。</translation>
        </message>
        <message>
            <source>From {start} to {end}, {total} parts were inspected: {ng} NG ({rate}).</source>
            <translation>{start} から {end} までに {total} 個のワークを検査: NG {ng} 個 ({rate})。</translation>
        </message>
        <message>
            <source>No parts were inspected from {start} to {end}.</source>
            <translation>{start} から {end} までに検査されたワークはありません。</translation>
        </message>
        <message>
            <source>No notable change: NG rate, shifts, defect locations and scores look as usual.</source>
            <translation>目立った変化はありません: NG 率、シフト、欠陥の位置、スコアはいつも通りです。</translation>
        </message>
        <message>
            <source>{count} findings need attention:</source>
            <translation>注意が必要な所見が {count} 件あります:</translation>
        </message>
        <message>
            <source>OK parts now score {median} of the threshold against {reference} at calibration (model {model}, since {since}): lighting, focus or the part changed; the over-detection rate will rise.</source>
            <translation>OK ワークのスコアが現在しきい値の {median} で、校正時は {reference} でした (モデル {model}、{since} 以降): 照明、ピント、またはワークが変わりました。過検出率が上がります。</translation>
        </message>
        <message>
            <source>OK parts now score {median} of the threshold against {reference} at calibration (model {model}, since {since}): the image may be blurred, darker or the part changed; defects may pass unnoticed.</source>
            <translation>OK ワークのスコアが現在しきい値の {median} で、校正時は {reference} でした (モデル {model}、{since} 以降): 画像がぼやけた、暗くなった、またはワークが変わった可能性があります。欠陥が見逃される恐れがあります。</translation>
        </message>
        <message>
            <source>Score drift of model {model} from {since} to {until}: OK parts scored up to {median} of the threshold against {reference} at calibration.</source>
            <translation>モデル {model} のスコアドリフト ({since} から {until}): OK ワークのスコアはしきい値の最大 {median} で、校正時は {reference} でした。</translation>
        </message>
        <message>
            <source>OK parts of model {model} score {median} of the threshold, as at calibration ({reference}).</source>
            <translation>モデル {model} の OK ワークのスコアはしきい値の {median} で、校正時 ({reference}) と同じです。</translation>
        </message>
        <message>
            <source>NG rate {rate} against {previous} in the previous period of the same length ({p} on {parts} parts).</source>
            <translation>NG 率 {rate}、同じ長さの前期間は {previous} ({parts} 個で {p})。</translation>
        </message>
        <message>
            <source>NG rate fell to {rate} from {previous} in the previous period of the same length ({p} on {parts} parts).</source>
            <translation>NG 率が同じ長さの前期間の {previous} から {rate} に下がりました ({parts} 個で {p})。</translation>
        </message>
        <message>
            <source>Shift {worst} NG {worst_rate} vs shift {best} {best_rate}, {p} on {parts} parts.</source>
            <translation>シフト {worst} の NG {worst_rate} に対しシフト {best} は {best_rate} ({parts} 個で {p})。</translation>
        </message>
        <message>
            <source>Parts inspected around {hour}:00 are NG {rate} of the time against {rest} otherwise ({p}).</source>
            <translation>{hour}:00 前後に検査したワークは {rate} が NG で、それ以外の時間は {rest} です ({p})。</translation>
        </message>
        <message>
            <source>NG parts concentrate {where} of the part (x {x}, y {y}): {share} of NG parts have a defect there, against {expected} if defects fell anywhere (model {model}).</source>
            <translation>NG ワークはワークの{where}に集中しています (x {x}、y {y}): NG ワークの {share} がそこに欠陥を持ち、欠陥がどこにでも起こる場合は {expected} です (モデル {model})。</translation>
        </message>
        <message>
            <source>Defects are spread over the part: no location stands out (model {model}).</source>
            <translation>欠陥はワーク全体に分散しています: 目立つ位置はありません (モデル {model})。</translation>
        </message>
        <message>
            <source>{share} of NG parts have {count} defect(s); {multi} have more than one.</source>
            <translation>NG ワークの {share} は欠陥 {count} 個、{multi} は 2 個以上です。</translation>
        </message>
        <message>
            <source>Most defect regions are {size} ({share} of {regions} regions).</source>
            <translation>欠陥領域の大半は {size} です ({regions} 領域中 {share})。</translation>
        </message>
        <message>
            <source>First-pass yield of part ids {prefix}… is {fpy} against {rest} for the others ({p} on {parts} parts).</source>
            <translation>ワーク ID {prefix}… の直行率は {fpy}、その他は {rest} です ({parts} 個で {p})。</translation>
        </message>
        <message>
            <source>First-pass yield by part id prefix: {table}.</source>
            <translation>ワーク ID の接頭辞別の直行率: {table}。</translation>
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
            <translation>左上</translation>
        </message>
        <message>
            <source>at the top</source>
            <translation>上部</translation>
        </message>
        <message>
            <source>at the top right</source>
            <translation>右上</translation>
        </message>
        <message>
            <source>on the left</source>
            <translation>左側</translation>
        </message>
        <message>
            <source>in the centre</source>
            <translation>中央</translation>
        </message>
        <message>
            <source>on the right</source>
            <translation>右側</translation>
        </message>
        <message>
            <source>at the bottom left</source>
            <translation>左下</translation>
        </message>
        <message>
            <source>at the bottom</source>
            <translation>下部</translation>
        </message>
        <message>
            <source>at the bottom right</source>
            <translation>右下</translation>
        </message>
        <message>
            <source>tiny (under 16 px)</source>
            <translation>極小 (16 px 未満)</translation>
        </message>
        <message>
            <source>small (16–255 px)</source>
            <translation>小 (16–255 px)</translation>
        </message>
        <message>
            <source>medium (256–4,095 px)</source>
            <translation>中 (256–4,095 px)</translation>
        </message>
        <message>
            <source>large (4,096 px or more)</source>
            <translation>大 (4,096 px 以上)</translation>
        </message>
        <message>
            <source>info</source>
            <translation>情報</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>alert</source>
            <translation>アラート</translation>
        </message>
        <message>
            <source>Score drift</source>
            <translation>スコアドリフト</translation>
        </message>
    </context>
    <context>
        <name>DriftBanner</name>
        <message>
            <source>Score drift</source>
            <translation>スコアドリフト</translation>
        </message>
    </context>
    <context>
        <name>InsightsPanel</name>
        <message>
            <source>Export</source>
            <translation>エクスポート</translation>
        </message>
        <message>
            <source>Insights</source>
            <translation>インサイト</translation>
        </message>
        <message>
            <source>No NG parts with defect regions in this period</source>
            <translation>この期間に欠陥領域のある NG ワークはありません</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 画像 (*.png)</translation>
        </message>
        <message>
            <source>Save location map</source>
            <translation>位置マップの保存</translation>
        </message>
        <message>
            <source>Save map as PNG…</source>
            <translation>マップを PNG で保存…</translation>
        </message>
        <message>
            <source>Where defects sit (NG parts)</source>
            <translation>欠陥の位置 (NG ワーク)</translation>
        </message>
        <message>
            <source>{0}. centre x {1:.2f}, y {2:.2f}: {3:.1f} % of NG parts</source>
            <translation>{0}. 中心 x {1:.2f}、y {2:.2f}: NG ワークの {3:.1f} %</translation>
        </message>
    </context>
    <context>
        <name>SimilarDialog</name>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Similar inspections to #%1</source>
            <translation>#%1 に類似した検査</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>All</source>
            <translation>すべて</translation>
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
            <translation>表示</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Verdict</source>
            <translation>判定</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Searching…</source>
            <translation>検索中…</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>%1 similar inspections, best first</source>
            <translation>類似した検査 %1 件 (類似度順)</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Search failed: %1</source>
            <translation>検索に失敗しました: %1</translation>
        </message>
    </context>
    <context>
        <name>VideoAnalysisDialog</name>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Analyse video file</source>
            <translation>動画ファイルの解析</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Video file</source>
            <translation>動画ファイル</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Browse…</source>
            <translation>参照…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>One frame is judged every interval of video time</source>
            <translation>動画時間の間隔ごとに 1 フレームを判定</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>NG parts are counted per bucket of video time</source>
            <translation>NG ワークを動画時間の区間ごとに集計</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Record frames in the history</source>
            <translation>フレームを履歴に記録</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Analyse</source>
            <translation>解析</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>NG parts</source>
            <translation>NG ワーク</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>minute of video</source>
            <translation>動画の分</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Open processed video</source>
            <translation>処理済み動画を開く</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Export CSV…</source>
            <translation>CSV エクスポート…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>File</source>
            <translation>ファイル</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Interval</source>
            <translation>間隔</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Bucket</source>
            <translation>区間</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>NG frames (click to see)</source>
            <translation>NG フレーム (クリックで表示)</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Videos (%1)</source>
            <translation>動画 (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Choose an existing video file first.</source>
            <translation>先に存在する動画ファイルを選択してください。</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>No model loaded: train or open a model first.</source>
            <translation>モデルが読み込まれていません: 先にモデルを学習するか開いてください。</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Analysing %1…</source>
            <translation>%1 を解析中…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Cancelling: frames already queued are finished…</source>
            <translation>キャンセル中: キュー済みのフレームは処理を終えます…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>%1 of %2 frames judged</source>
            <translation>%2 フレーム中 %1 フレームを判定</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>The video cannot be analysed: %1</source>
            <translation>動画を解析できません: %1</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Cancelled: %1 frames were judged and recorded.</source>
            <translation>キャンセルしました: %1 フレームを判定して記録しました。</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>%1 frames judged, %2 NG; %3 recorded.</source>
            <translation>%1 フレームを判定、NG %2、記録 %3。</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>frame not readable</source>
            <translation>フレームを読み取れません</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Export CSV</source>
            <translation>CSV エクスポート</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Cannot write %1: %2</source>
            <translation>%1 に書き込めません: %2</translation>
        </message>
        <message>
            <source>%1   score %2×   %3 defect(s)</source>
            <translation>%1   スコア %2×   欠陥 %3 個</translation>
        </message>
    </context>
    <context>
        <name>_AnalyseButton</name>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Analyse file…</source>
            <translation>ファイルを解析…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Judge one frame every interval of the video; NG per minute, NG frames, annotated video, CSV</source>
            <translation>動画の間隔ごとに 1 フレームを判定: 分ごとの NG、NG フレーム、注釈付き動画、CSV</translation>
        </message>
    </context>
    <context>
        <name>_HeldPartSimilarButton</name>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Find similar</source>
            <translation>類似を検索</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Earlier parts with a defect like the held one</source>
            <translation>表示中のワークと似た欠陥のある過去のワーク</translation>
        </message>
    </context>
    <context>
        <name>TrainingSetPanel</name>
        <message>
            <location filename="../../ui/training_set_panel.py" line="88" />
            <source>Training set</source>
            <translation>学習セット</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="98" />
            <source>Remove</source>
            <translation>除外</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="99" />
            <source>Remove the selected images from the training set</source>
            <translation>選択した画像を学習セットから除外</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="1" />
            <source>Retrain</source>
            <translation>再学習</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="102" />
            <source>Train a new model version from this training set in the background; the running model is not replaced</source>
            <translation>この学習セットから新しいモデルバージョンをバックグラウンドで学習します。稼働中のモデルは置き換えられません</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="135" />
            <source>The training set is not available: %1</source>
            <translation>学習セットを利用できません: %1</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="143" />
            <source>Cannot read the training set: %1</source>
            <translation>学習セットを読み取れません: %1</translation>
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
            <translation>対象 %1: %2 枚 (OK %3 枚、NG %4 枚)</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="181" />
            <source>Not removed: %1</source>
            <translation>除外されませんでした: %1</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="5" />
            <source>model</source>
            <translation>モデル</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="196" />
            <source>Retrain not started: %1</source>
            <translation>再学習を開始できませんでした: %1</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="203" />
            <source>Training %1…</source>
            <translation>%1 を学習中…</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="222" />
            <source>New model %1 is in the library. It is not active yet.</source>
            <translation>新しいモデル %1 がライブラリに追加されました。まだ有効化されていません。</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="224" />
            <source>Activate new model</source>
            <translation>新しいモデルを有効化</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="228" />
            <source>Retrain cancelled.</source>
            <translation>再学習をキャンセルしました。</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="230" />
            <source>Retrain failed: %1</source>
            <translation>再学習に失敗しました: %1</translation>
        </message>
    </context>
    <context>
        <name>HistoryTrainingAction</name>
        <message>
            <location filename="../../ui/history_training.py" line="1" />
            <source>Add to training set</source>
            <translation>学習セットに追加</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="30" />
            <source>Copy the selected records' images into the training set of the current inspection target</source>
            <translation>選択した記録の画像を現在の検査対象の学習セットにコピー</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="33" />
            <source>As reviewed (final verdict)</source>
            <translation>レビュー結果どおり (最終判定)</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="34" />
            <source>As OK</source>
            <translation>OK として</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="35" />
            <source>As NG (for calibration)</source>
            <translation>NG として (校正用)</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="64" />
            <source>Not added: %1</source>
            <translation>追加されませんでした: %1</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="70" />
            <source>%1 added to the training set</source>
            <translation>%1 を学習セットに追加しました</translation>
        </message>
    </context>
    <context>
        <name>ChangeoverPrompt</name>
        <message>
            <source>Activate a different model</source>
            <translation>別のモデルを有効化</translation>
        </message>
        <message>
            <source>Apply new prediction parameters</source>
            <translation>新しい予測パラメーターを適用</translation>
        </message>
        <message>
            <source>Make the trained model active</source>
            <translation>学習したモデルを有効化</translation>
        </message>
        <message>
            <source>The line is running. From the next part on, parts will be judged by

    %2

instead of

    %1

Change over now?</source>
            <translation>ラインが稼働中です。次のワークから、判定は

    %1

ではなく

    %2

で行われます。今すぐ切り替えますか?</translation>
        </message>
    </context>
    <context>
        <name>PartView</name>
        <message>
            <source>Heatmap</source>
            <translation>ヒートマップ</translation>
        </message>
        <message>
            <source>Show the anomaly heatmap (H)</source>
            <translation>異常ヒートマップを表示 (H)</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>全体表示</translation>
        </message>
        <message>
            <source>Fit the image to the view (F, or double-click)</source>
            <translation>画像を表示領域に合わせる (F、またはダブルクリック)</translation>
        </message>
        <message>
            <source>Back to live</source>
            <translation>ライブに戻る</translation>
        </message>
        <message>
            <source>Choose a source and press Start,
or post images to the endpoint.</source>
            <translation>ソースを選んで「開始」を押すか、
エンドポイントに画像を送信してください。</translation>
        </message>
        <message>
            <source>NG part held: </source>
            <translation>NG ワークを表示中: </translation>
        </message>
    </context>
    <context>
        <name>ShiftTracker</name>
        <message>
            <source>Shift %1 started: counters restarted.</source>
            <translation>シフト %1 開始: カウンターをリセットしました。</translation>
        </message>
        <message>
            <source>Shift %1 · counting since %2</source>
            <translation>シフト %1 · %2 からカウント</translation>
        </message>
        <message>
            <source>Counting since %1</source>
            <translation>%1 からカウント</translation>
        </message>
    </context>
    <context>
        <name>SourceBar</name>
        <message>
            <source>Source:</source>
            <translation>ソース:</translation>
        </message>
        <message>
            <source>Image folder</source>
            <translation>画像フォルダー</translation>
        </message>
        <message>
            <source>Video file</source>
            <translation>動画ファイル</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>カメラ</translation>
        </message>
        <message>
            <source>Folder of part images</source>
            <translation>ワーク画像のフォルダー</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>参照…</translation>
        </message>
        <message>
            <source>every</source>
            <translation>間隔</translation>
        </message>
        <message>
            <source>Time between two parts; 0 = as fast as inference allows</source>
            <translation>ワーク間の時間。0 = 推論の最大速度</translation>
        </message>
        <message>
            <source>Shuffle</source>
            <translation>シャッフル</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>ループ</translation>
        </message>
        <message>
            <source>Subfolders</source>
            <translation>サブフォルダー</translation>
        </message>
        <message>
            <source>As fast as inference allows</source>
            <translation>推論の最大速度</translation>
        </message>
        <message>
            <source>Index</source>
            <translation>番号</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>解像度</translation>
        </message>
        <message>
            <source>Driver default</source>
            <translation>ドライバー既定値</translation>
        </message>
        <message>
            <source>Exposure</source>
            <translation>露光</translation>
        </message>
        <message>
            <source>auto</source>
            <translation>自動</translation>
        </message>
        <message>
            <source>Gain</source>
            <translation>ゲイン</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>開始</translation>
        </message>
        <message>
            <source>Start the source (Space)</source>
            <translation>ソースを開始 (Space)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Stop the source (Space)</source>
            <translation>ソースを停止 (Space)</translation>
        </message>
        <message>
            <source>Trigger</source>
            <translation>トリガー</translation>
        </message>
        <message>
            <source>Inspect one frame (T)</source>
            <translation>1 フレームを検査 (T)</translation>
        </message>
        <message>
            <source>Choose a folder of images first.</source>
            <translation>先に画像フォルダーを選択してください。</translation>
        </message>
        <message>
            <source>The folder does not exist: %1</source>
            <translation>フォルダーが存在しません: %1</translation>
        </message>
        <message>
            <source>Choose a video file first.</source>
            <translation>先に動画ファイルを選択してください。</translation>
        </message>
        <message>
            <source>The video file does not exist: %1</source>
            <translation>動画ファイルが存在しません: %1</translation>
        </message>
        <message>
            <source>Videos (*.avi *.mp4 *.mkv *.mov *.wmv);;All files (*)</source>
            <translation>動画 (*.avi *.mp4 *.mkv *.mov *.wmv);;すべてのファイル (*)</translation>
        </message>
    </context>
    <context>
        <name>VerdictPanel</name>
        <message>
            <source>Product / model</source>
            <translation>品種 / モデル</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>しきい値</translation>
        </message>
        <message>
            <source>Waiting for parts</source>
            <translation>ワーク待ち</translation>
        </message>
        <message>
            <source>Image threshold in the model's raw score units; the score bar shows scores as multiples of it (1.0 = threshold).</source>
            <translation>モデルの生スコア単位での画像しきい値。スコアバーはスコアをその倍率で表示します (1.0 = しきい値)。</translation>
        </message>
        <message>
            <source>Not validated: threshold set from OK images only</source>
            <translation>未検証: しきい値は OK 画像のみから設定</translation>
        </message>
        <message>
            <source>Evaluate the model on a labelled folder, or calibrate it with NG images, before trusting its verdicts on the line.</source>
            <translation>ラインでの判定を信頼する前に、ラベル付きフォルダーでモデルを評価するか、NG 画像で校正してください。</translation>
        </message>
        <message>
            <source>Processing %1 ms · %2 parts/s · %3 frames dropped · queue %4/%5</source>
            <translation>処理 %1 ms · %2 個/秒 · 破棄フレーム %3 · キュー %4/%5</translation>
        </message>
        <message>
            <source>Camera lost: reconnecting…</source>
            <translation>カメラ切断: 再接続中…</translation>
        </message>
        <message>
            <source>The camera driver ignores: %1</source>
            <translation>カメラドライバーが無視した設定: %1</translation>
        </message>
        <message>
            <source>Reviewing part %1 — Esc for live</source>
            <translation>ワーク %1 をレビュー中 — Esc でライブ</translation>
        </message>
        <message>
            <source>(live in %1 s)</source>
            <translation>(%1 秒後にライブ)</translation>
        </message>
        <message>
            <source>REVIEWING</source>
            <translation>レビュー中</translation>
        </message>
        <message>
            <source>STOPPED</source>
            <translation>停止中</translation>
        </message>
        <message>
            <source>Press Start (Space), or post images to the endpoint</source>
            <translation>開始 (Space)、またはエンドポイントへ画像を送信</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>ソース: %1</translation>
        </message>
        <message>
            <source>Reconnecting in %1 s</source>
            <translation>%1 秒後に再接続</translation>
        </message>
        <message>
            <source>SOURCE LOST</source>
            <translation>ソース喪失</translation>
        </message>
        <message>
            <source>NO MODEL</source>
            <translation>モデルなし</translation>
        </message>
        <message>
            <source>Train or open a model first</source>
            <translation>先にモデルを学習するか開いてください</translation>
        </message>
        <message>
            <source>CHANGEOVER</source>
            <translation>段取り替え</translation>
        </message>
        <message>
            <source>Switching model: %1</source>
            <translation>モデル切り替え中: %1</translation>
        </message>
        <message>
            <source>camera lost</source>
            <translation>カメラ切断</translation>
        </message>
        <message>
            <source>no images in %1</source>
            <translation>%1 に画像がありません</translation>
        </message>
        <message>
            <source>not a folder: %1</source>
            <translation>フォルダーではありません: %1</translation>
        </message>
        <message>
            <source>video file not found: %1</source>
            <translation>動画ファイルが見つかりません: %1</translation>
        </message>
        <message>
            <source>cannot open video %1</source>
            <translation>動画 %1 を開けません</translation>
        </message>
        <message>
            <source>camera %1 is not available (not connected or in use)</source>
            <translation>カメラ %1 を使用できません (未接続または使用中)</translation>
        </message>
        <message>
            <source>none of the images in %1 can be read</source>
            <translation>%1 の画像をどれも読み取れません</translation>
        </message>
        <message>
            <source>cannot open video %1: unknown format or codec</source>
            <translation>動画 %1 を開けません: 形式またはコーデックが不明です</translation>
        </message>
        <message>
            <source>%1 is not a readable image</source>
            <translation>%1 は読み取れる画像ではありません</translation>
        </message>
        <message>
            <source>cannot read %1</source>
            <translation>%1 を読み取れません</translation>
        </message>
    </context>
    <context>
        <name>AuditView</name>
        <message>
            <source>All actions</source>
            <translation>すべての操作</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>モデル</translation>
        </message>
        <message>
            <source>Thresholds</source>
            <translation>しきい値</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>権限</translation>
        </message>
        <message>
            <source>Counters</source>
            <translation>カウンター</translation>
        </message>
        <message>
            <source>Reviews</source>
            <translation>レビュー</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>ソース</translation>
        </message>
        <message>
            <source>Endpoint key</source>
            <translation>エンドポイントキー</translation>
        </message>
        <message>
            <source>Dates (UTC)</source>
            <translation>日付 (UTC)</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>更新</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>CSV エクスポート…</translation>
        </message>
        <message>
            <source>When (UTC)</source>
            <translation>日時 (UTC)</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>実行者</translation>
        </message>
        <message>
            <source>What</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>詳細</translation>
        </message>
        <message>
            <source>No history database.</source>
            <translation>履歴データベースがありません。</translation>
        </message>
        <message>
            <source>%1 entries</source>
            <translation>%1 件</translation>
        </message>
        <message>
            <source>newest %1 of %2 entries</source>
            <translation>%2 件中の最新 %1 件</translation>
        </message>
        <message>
            <source>model activated</source>
            <translation>モデル有効化</translation>
        </message>
        <message>
            <source>model trained</source>
            <translation>モデル学習</translation>
        </message>
        <message>
            <source>model imported</source>
            <translation>モデルインポート</translation>
        </message>
        <message>
            <source>model deleted</source>
            <translation>モデル削除</translation>
        </message>
        <message>
            <source>model renamed</source>
            <translation>モデル名変更</translation>
        </message>
        <message>
            <source>parameters changed</source>
            <translation>パラメーター変更</translation>
        </message>
        <message>
            <source>threshold applied</source>
            <translation>しきい値適用</translation>
        </message>
        <message>
            <source>settings saved</source>
            <translation>設定保存</translation>
        </message>
        <message>
            <source>endpoint key changed</source>
            <translation>エンドポイントキー変更</translation>
        </message>
        <message>
            <source>PIN changed</source>
            <translation>PIN 変更</translation>
        </message>
        <message>
            <source>engineer unlocked</source>
            <translation>エンジニアロック解除</translation>
        </message>
        <message>
            <source>back to operator</source>
            <translation>オペレーターに戻る</translation>
        </message>
        <message>
            <source>counters reset</source>
            <translation>カウンターリセット</translation>
        </message>
        <message>
            <source>review given</source>
            <translation>レビュー実施</translation>
        </message>
        <message>
            <source>source started</source>
            <translation>ソース開始</translation>
        </message>
        <message>
            <source>source stopped</source>
            <translation>ソース停止</translation>
        </message>
        <message>
            <source>source lost</source>
            <translation>ソース喪失</translation>
        </message>
        <message>
            <source>Export the audit trail</source>
            <translation>監査ログのエクスポート</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>%1 entries written to %2</source>
            <translation>%1 件を %2 に書き出しました</translation>
        </message>
        <message>
            <source>Export failed: %1</source>
            <translation>エクスポートに失敗しました: %1</translation>
        </message>
    </context>
    <context>
        <name>NewPinDialog</name>
        <message>
            <source>Set the engineer PIN</source>
            <translation>エンジニア PIN の設定</translation>
        </message>
        <message>
            <source>New PIN:</source>
            <translation>新しい PIN:</translation>
        </message>
        <message>
            <source>Again:</source>
            <translation>再入力:</translation>
        </message>
        <message>
            <source>4 to 32 digits or letters. It is stored only as a salted hash.</source>
            <translation>4～32 文字の数字または英字。ソルト付きハッシュとしてのみ保存されます。</translation>
        </message>
        <message>
            <source>The two PINs differ.</source>
            <translation>2 つの PIN が一致しません。</translation>
        </message>
        <message>
            <source>The PIN needs 4 to 32 digits or letters.</source>
            <translation>PIN は 4～32 文字の数字または英字にしてください。</translation>
        </message>
    </context>
    <context>
        <name>PinDialog</name>
        <message>
            <source>Engineer PIN</source>
            <translation>エンジニア PIN</translation>
        </message>
        <message>
            <source>“%1” is an engineer action. Enter the engineer PIN:</source>
            <translation>「%1」はエンジニア操作です。エンジニア PIN を入力してください:</translation>
        </message>
        <message>
            <source>Wrong PIN.</source>
            <translation>PIN が違います。</translation>
        </message>
    </context>
    <context>
        <name>RoleIndicator</name>
        <message>
            <source>Lock</source>
            <translation>ロック</translation>
        </message>
        <message>
            <source>Back to operator now</source>
            <translation>今すぐオペレーターに戻る</translation>
        </message>
        <message>
            <source>Engineer</source>
            <translation>エンジニア</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>オペレーター</translation>
        </message>
        <message>
            <source>No engineer PIN set: everyone may change models and settings (Settings → Roles)</source>
            <translation>エンジニア PIN が未設定です: 誰でもモデルと設定を変更できます (設定 → 権限)</translation>
        </message>
    </context>
    <context>
        <name>RolesBox</name>
        <message>
            <source>Roles</source>
            <translation>権限</translation>
        </message>
        <message>
            <source>Set PIN…</source>
            <translation>PIN を設定…</translation>
        </message>
        <message>
            <source>Remove PIN</source>
            <translation>PIN を削除</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分</translation>
        </message>
        <message>
            <source>Back to operator after:</source>
            <translation>オペレーターに戻るまで:</translation>
        </message>
        <message>
            <source>An engineer PIN is set: operators see Live and History; models, settings, thresholds and resets ask for it.</source>
            <translation>エンジニア PIN が設定されています: オペレーターはライブと履歴を閲覧でき、モデル、設定、しきい値、リセットには PIN が必要です。</translation>
        </message>
        <message>
            <source>No engineer PIN: everyone may change models and settings.</source>
            <translation>エンジニア PIN なし: 誰でもモデルと設定を変更できます。</translation>
        </message>
        <message>
            <source>PIN set.</source>
            <translation>PIN を設定しました。</translation>
        </message>
        <message>
            <source>PIN removed.</source>
            <translation>PIN を削除しました。</translation>
        </message>
    </context>
    <context>
        <name>ModelActions</name>
        <message>
            <location filename="../../ui/model_actions.py" line="65" />
            <source>Saved %1.</source>
            <translation>%1 を保存しました。</translation>
        </message>
        <message>
            <source>Not activated: the line keeps its model.</source>
            <translation>有効化されませんでした: ラインは現在のモデルのままです。</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="88" />
            <source>Loading %1…</source>
            <translation>%1 を読み込み中…</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="102" />
            <source>Settings not saved</source>
            <translation>設定は保存されませんでした</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="103" />
            <source>Active model: %1</source>
            <translation>使用中のモデル: %1</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="111" />
            <source>Model not activated</source>
            <translation>モデルは有効化されませんでした</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="118" />
            <source>Rename model</source>
            <translation>モデル名の変更</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="118" />
            <source>New name:</source>
            <translation>新しい名前:</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="129" />
            <location filename="../../ui/model_actions.py" line="129" />
            <location filename="../../ui/model_actions.py" line="129" />
            <source>Rename failed</source>
            <translation>名前の変更に失敗しました</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="137" />
            <location filename="../../ui/model_actions.py" line="137" />
            <source>Cannot delete</source>
            <translation>削除できません</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="138" />
            <source>This is the active model. Activate another model before deleting it.</source>
            <translation>これは使用中のモデルです。削除する前に別のモデルを有効化してください。</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="142" />
            <source>Delete model</source>
            <translation>モデルの削除</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="143" />
            <source>Delete the model “%1” (%2)? This cannot be undone.</source>
            <translation>モデル「%1」(%2) を削除しますか? 元に戻せません。</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="157" />
            <source>Deleted %1.</source>
            <translation>%1 を削除しました。</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="166" />
            <source>Export model</source>
            <translation>モデルのエクスポート</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="167" />
            <source>QC Station models (*.qcs)</source>
            <translation>QC Station モデル (*.qcs)</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="176" />
            <source>Exported to %1.</source>
            <translation>%1 にエクスポートしました。</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="177" />
            <source>Export failed</source>
            <translation>エクスポートに失敗しました</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="180" />
            <source>Import model</source>
            <translation>モデルのインポート</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="181" />
            <source>QC Station models (*.qcs);;All files (*)</source>
            <translation>QC Station モデル (*.qcs);;すべてのファイル (*)</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="190" />
            <source>Checking %1…</source>
            <translation>%1 を確認中…</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="195" />
            <source>Imported “%1” as %2.</source>
            <translation>「%1」を %2 としてインポートしました。</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="202" />
            <source>Import failed</source>
            <translation>インポートに失敗しました</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="203" />
            <source>%1 was not imported:
%2</source>
            <translation>%1 はインポートされませんでした:
%2</translation>
        </message>
    </context>
    <context>
        <name>ModelLibraryPanel</name>
        <message>
            <location filename="../../ui/model_library_panel.py" line="45" />
            <source>Model library</source>
            <translation>モデルライブラリ</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>Created</source>
            <translation>作成日時</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>Algorithm</source>
            <translation>アルゴリズム</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>OK imgs</source>
            <translation>OK 画像</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>NG imgs</source>
            <translation>NG 画像</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>Training</source>
            <translation>学習</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>Threshold</source>
            <translation>しきい値</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>Precision</source>
            <translation>適合率</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>Recall</source>
            <translation>再現率</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>File</source>
            <translation>ファイル</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="64" />
            <source>Train new model…</source>
            <translation>新しいモデルを学習…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="65" />
            <source>Activate</source>
            <translation>有効化</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="66" />
            <source>Rename…</source>
            <translation>名前を変更…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="67" />
            <source>Delete…</source>
            <translation>削除…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="68" />
            <source>Export…</source>
            <translation>エクスポート…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="69" />
            <source>Import…</source>
            <translation>インポート…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="70" />
            <source>Refresh</source>
            <translation>更新</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="102" />
            <source>Cannot read the models folder: %1</source>
            <translation>モデルフォルダーを読み取れません: %1</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="122" />
            <source>No models in %1 yet: train one or import a .qcs file.</source>
            <translation>%1 にはまだモデルがありません: 学習するか .qcs ファイルをインポートしてください。</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="128" />
            <source>(unreadable)</source>
            <translation>(読み取り不可)</translation>
        </message>
        <message>
            <source>not validated</source>
            <translation>未検証</translation>
        </message>
        <message>
            <source>Not validated: its threshold comes from OK images only and may pass defects. Evaluate it on a labelled folder (Evaluate page) or retrain with NG images.</source>
            <translation>未検証: しきい値は OK 画像のみから決められており、欠陥を見逃す可能性があります。ラベル付きフォルダーで評価する (評価画面) か、NG 画像を加えて再学習してください。</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="149" />
            <source>Active model</source>
            <translation>使用中のモデル</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="157" />
            <source>Backbone: %1, input %2 px</source>
            <translation>バックボーン: %1、入力 %2 px</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="158" />
            <source>Pixel threshold: %1</source>
            <translation>画素しきい値: %1</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="159" />
            <source>Min. defect area: %1 px, ignore border: %2 px</source>
            <translation>最小欠陥面積: %1 px、周辺無視幅: %2 px</translation>
        </message>
    </context>
    <context>
        <name>ModelParamsPanel</name>
        <message>
            <location filename="../../ui/model_params_panel.py" line="50" />
            <source>Prediction parameters of the active model</source>
            <translation>使用中のモデルの予測パラメーター</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="74" />
            <source>Image score above this is NG (raw score units).</source>
            <translation>画像スコアがこれを超えると NG (生スコア単位)。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="78" />
            <source>From 0.2× to 3× the model's saved threshold.</source>
            <translation>モデルに保存されたしきい値の 0.2 倍から 3 倍まで。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="84" />
            <source>Pixels above this form defect regions (boxes).</source>
            <translation>これを超える画素が欠陥領域 (枠) になります。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="88" />
            <location filename="../../ui/model_params_panel.py" line="88" />
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="89" />
            <source>Defect regions smaller than this are ignored.</source>
            <translation>これより小さい欠陥領域は無視されます。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="93" />
            <source>A band along the image border that is not inspected.</source>
            <translation>検査しない画像周辺の帯。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="101" />
            <source>Threshold:</source>
            <translation>しきい値:</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="102" />
            <source>Pixel threshold:</source>
            <translation>画素しきい値:</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="103" />
            <source>Min. defect area:</source>
            <translation>最小欠陥面積:</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="104" />
            <source>Ignore border:</source>
            <translation>周辺無視幅:</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="106" />
            <source>Apply</source>
            <translation>適用</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="107" />
            <source>Revert</source>
            <translation>元に戻す</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="112" />
            <source>Use last inspected image</source>
            <translation>最後に検査した画像を使用</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="113" />
            <source>Open image…</source>
            <translation>画像を開く…</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="134" />
            <source>No image yet: inspect a part on the Live page or open an image.</source>
            <translation>画像がまだありません: ライブ画面でワークを検査するか、画像を開いてください。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="192" />
            <source>Prediction parameters (no active model)</source>
            <translation>予測パラメーター (使用中のモデルなし)</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="193" />
            <source>Activate a model to tune its parameters.</source>
            <translation>パラメーターを調整するにはモデルを有効化してください。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="196" />
            <source>Prediction parameters of “%1”</source>
            <translation>「%1」の予測パラメーター</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="214" />
            <source>Not applied yet: the preview uses these values.</source>
            <translation>未適用: プレビューはこれらの値を使用しています。</translation>
        </message>
        <message>
            <source>%1 with threshold %2</source>
            <translation>%1 (しきい値 %2)</translation>
        </message>
        <message>
            <source>Not applied: the line keeps the current parameters.</source>
            <translation>適用されませんでした: ラインは現在のパラメーターのままです。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="239" />
            <source>Parameters not applied</source>
            <translation>パラメーターは適用されませんでした</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="241" />
            <source>Applied and saved with the model.</source>
            <translation>適用し、モデルと一緒に保存しました。</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="258" />
            <source>Open an image</source>
            <translation>画像を開く</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="259" />
            <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
            <translation>画像 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="267" />
            <source>Cannot open the image</source>
            <translation>画像を開けません</translation>
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
            <translation>%1 · スコア %2 / しきい値 %3 · 欠陥領域 %4 個</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="320" />
            <source>image</source>
            <translation>画像</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="331" />
            <source>Preview failed: %1</source>
            <translation>プレビューに失敗しました: %1</translation>
        </message>
    </context>
    <context>
        <name>EvalTablePanel</name>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="57" />
            <location filename="../../ui/evaluate_browser.py" line="57" />
            <source>▶ Play shuffled</source>
            <translation>▶ シャッフル再生</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="65" />
            <source>Export CSV…</source>
            <translation>CSV エクスポート…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="66" />
            <source>Export figures…</source>
            <translation>図をエクスポート…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="67" />
            <source>Errors only</source>
            <translation>誤判定のみ</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="68" />
            <source>Show only missed defects and over-detections at this threshold</source>
            <translation>このしきい値での見逃しと過検出だけを表示</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="111" />
            <source>true</source>
            <translation>実際</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="111" />
            <source>judged</source>
            <translation>判定</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="111" />
            <source>score</source>
            <translation>スコア</translation>
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
            <translation>ラベル付きフォルダー: MVTec カテゴリ (test/…) または OK/ + NG/</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="44" />
            <location filename="../../ui/evaluate_run.py" line="44" />
            <source>Browse…</source>
            <translation>参照…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="47" />
            <source>Active model</source>
            <translation>使用中のモデル</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="48" />
            <source>Model file…</source>
            <translation>モデルファイル…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="50" />
            <source>model file (.qcs)</source>
            <translation>モデルファイル (.qcs)</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="53" />
            <location filename="../../ui/evaluate_run.py" line="53" />
            <source>Evaluate</source>
            <translation>評価</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="55" />
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="69" />
            <source>Dataset</source>
            <translation>データセット</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="72" />
            <source>Model</source>
            <translation>モデル</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="86" />
            <source>Labelled folder</source>
            <translation>ラベル付きフォルダー</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="91" />
            <source>Model file</source>
            <translation>モデルファイル</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="92" />
            <source>QC Station models (*.qcs)</source>
            <translation>QC Station モデル (*.qcs)</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="111" />
            <source>Choose a labelled folder that exists.</source>
            <translation>存在するラベル付きフォルダーを選択してください。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="116" />
            <source>Choose a model file (.qcs) that exists.</source>
            <translation>存在するモデルファイル (.qcs) を選択してください。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="119" />
            <source>No active model: load or train one, or choose a model file.</source>
            <translation>使用中のモデルがありません: モデルを読み込むか学習するか、モデルファイルを選択してください。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="148" />
            <source>starting…</source>
            <translation>開始中…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="156" />
            <source>Cancelling…</source>
            <translation>キャンセル中…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="162" />
            <source>indexing the folder</source>
            <translation>フォルダーを走査中</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="162" />
            <source>loading the model</source>
            <translation>モデルを読み込み中</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="163" />
            <source>evaluating</source>
            <translation>評価中</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="172" />
            <source>failed</source>
            <translation>失敗</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="176" />
            <source>cancelled</source>
            <translation>キャンセル済み</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="177" />
            <source>Evaluation cancelled; the previous results stay.</source>
            <translation>評価をキャンセルしました。前回の結果はそのまま残ります。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="184" />
            <source>done</source>
            <translation>完了</translation>
        </message>
    </context>
    <context>
        <name>MetricsPanel</name>
        <message>
            <location filename="../../ui/evaluate_results.py" line="44" />
            <source>Results</source>
            <translation>結果</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="53" />
            <source>Miss rate</source>
            <translation>見逃し率</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="54" />
            <source>Over-detection rate</source>
            <translation>過検出率</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="55" />
            <source>Share of true NG images judged OK</source>
            <translation>実際に NG の画像のうち OK と判定された割合</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="56" />
            <source>Share of true OK images judged NG</source>
            <translation>実際に OK の画像のうち NG と判定された割合</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="57" />
            <source>Accuracy</source>
            <translation>正解率</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="58" />
            <source>Image AUROC</source>
            <translation>画像 AUROC</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="59" />
            <source>Pixel AUROC</source>
            <translation>画素 AUROC</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="63" />
            <source>judged OK</source>
            <translation>OK 判定</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="64" />
            <source>judged NG</source>
            <translation>NG 判定</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="65" />
            <location filename="../../ui/evaluate_results.py" line="65" />
            <source>true OK</source>
            <translation>実際 OK</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="66" />
            <location filename="../../ui/evaluate_results.py" line="66" />
            <source>true NG</source>
            <translation>実際 NG</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="74" />
            <source>Confusion matrix</source>
            <translation>混同行列</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="85" />
            <source>– no masks</source>
            <translation>– マスクなし</translation>
        </message>
    </context>
    <context>
        <name>OverlayViewer</name>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="149" />
            <source>Run an evaluation, then pick an image.</source>
            <translation>評価を実行してから画像を選択してください。</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="151" />
            <source>Heatmap and defect boxes</source>
            <translation>ヒートマップと欠陥枠</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="153" />
            <source>Original image</source>
            <translation>元画像</translation>
        </message>
    </context>
    <context>
        <name>ThresholdBar</name>
        <message>
            <location filename="../../ui/evaluate_results.py" line="106" />
            <source>Model's threshold</source>
            <translation>モデルのしきい値</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="107" />
            <location filename="../../ui/evaluate_results.py" line="107" />
            <source>Use this threshold</source>
            <translation>このしきい値を使用</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="112" />
            <source>Threshold</source>
            <translation>しきい値</translation>
        </message>
    </context>
    <context>
        <name>HistoryFilterBar</name>
        <message>
            <location filename="../../ui/history_filters.py" line="40" />
            <source>part of the file name</source>
            <translation>ファイル名の一部</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="43" />
            <source>All</source>
            <translation>すべて</translation>
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
            <translation>指定なし</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="53" />
            <source>All models</source>
            <translation>すべてのモデル</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="54" />
            <source>model id</source>
            <translation>モデル ID</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="57" />
            <source>Dates</source>
            <translation>日付</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="64" />
            <source>Score</source>
            <translation>スコア</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="73" />
            <source>Clear filters</source>
            <translation>フィルターをクリア</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="75" />
            <source>part id / code</source>
            <translation>ワーク ID / コード</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="79" />
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="79" />
            <source>Verdict</source>
            <translation>判定</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="80" />
            <source>Defects</source>
            <translation>欠陥</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="81" />
            <source>Model</source>
            <translation>モデル</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="81" />
            <source>Part</source>
            <translation>ワーク</translation>
        </message>
    </context>
    <context>
        <name>RecordDetailController</name>
        <message>
            <location filename="../../ui/history_detail.py" line="91" />
            <source>No image to copy.</source>
            <translation>コピーする画像がありません。</translation>
        </message>
        <message>
            <location filename="../../ui/history_detail.py" line="94" />
            <source>Image copied to the clipboard.</source>
            <translation>画像をクリップボードにコピーしました。</translation>
        </message>
        <message>
            <location filename="../../ui/history_detail.py" line="102" />
            <source>Open image folder</source>
            <translation>画像フォルダーを開く</translation>
        </message>
        <message>
            <location filename="../../ui/history_detail.py" line="102" />
            <source>The image folder does not exist.</source>
            <translation>画像フォルダーが存在しません。</translation>
        </message>
    </context>
</TS>
