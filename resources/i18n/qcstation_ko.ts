<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
    <context>
        <name>CrashReporter</name>
        <message>
            <location filename="../../ui/app.py" line="144" />
            <source>Unexpected error</source>
            <translation>예기치 않은 오류</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="145" />
            <source>Something went wrong, but QC Station keeps running.

%1

The details are in the log file:
%2</source>
            <translation>문제가 발생했지만 QC Station은 계속 실행 중입니다.

%1

자세한 내용은 로그 파일에 있습니다:
%2</translation>
        </message>
    </context>
    <context>
        <name>EvalTableModel</name>
        <message>
            <location filename="../../widgets/eval_table.py" line="35" />
            <source>Image</source>
            <translation>이미지</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="35" />
            <source>True label</source>
            <translation>실제 라벨</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="35" />
            <source>Prediction</source>
            <translation>예측</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="35" />
            <source>Score</source>
            <translation>점수</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="36" />
            <source>Defect type</source>
            <translation>결함 유형</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="95" />
            <source>missed defect</source>
            <translation>미검출</translation>
        </message>
        <message>
            <location filename="../../widgets/eval_table.py" line="95" />
            <source>over-detection</source>
            <translation>과검출</translation>
        </message>
    </context>
    <context>
        <name>EvaluatePage</name>
        <message>
            <location filename="../../ui/evaluate_page.py" line="96" />
            <location filename="../../ui/evaluate_page.py" line="288" />
            <source>Evaluate</source>
            <translation>평가</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="212" />
            <location filename="../../ui/evaluate_page.py" line="474" />
            <source>true OK</source>
            <translation>실제 OK</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="213" />
            <location filename="../../ui/evaluate_page.py" line="475" />
            <source>true NG</source>
            <translation>실제 NG</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="234" />
            <location filename="../../ui/evaluate_page.py" line="487" />
            <source>Use this threshold</source>
            <translation>이 임계값 사용</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="248" />
            <source>Score per true label</source>
            <translation>실제 라벨별 점수</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="406" />
            <source>{0}: {1} images ({2} OK, {3} NG), model {4}</source>
            <translation>{0}: 이미지 {1}장 (OK {2}장, NG {3}장), 모델 {4}</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="476" />
            <source>anomaly score</source>
            <translation>이상 점수</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="482" />
            <source>Set the active model's threshold to this value</source>
            <translation>활성 모델의 임계값을 이 값으로 설정</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="483" />
            <source>Only for the active model: evaluate it (or load this model) first</source>
            <translation>활성 모델 전용: 먼저 해당 모델을 평가(또는 이 모델을 불러오기)하세요</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="488" />
            <source>Set the active model's threshold to {0:.4g}? The line judges with it from the next part.</source>
            <translation>활성 모델의 임계값을 {0:.4g}(으)로 설정할까요? 다음 부품부터 라인이 이 값으로 판정합니다.</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="503" />
            <source>The active model now uses threshold {0:.4g}.</source>
            <translation>활성 모델이 이제 임계값 {0:.4g}을(를) 사용합니다.</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="595" />
            <source>Export per-image CSV</source>
            <translation>이미지별 CSV 내보내기</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="596" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 파일 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="600" />
            <source>Written: {0}</source>
            <translation>저장됨: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="602" />
            <location filename="../../ui/evaluate_page.py" line="613" />
            <source>Export</source>
            <translation>내보내기</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="607" />
            <source>Export figures into folder</source>
            <translation>그래프를 폴더로 내보내기</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="611" />
            <source>{0} files written to {1}</source>
            <translation>파일 {0}개를 {1}에 저장했습니다</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="616" />
            <source>Evaluate: ↑ / ↓</source>
            <translation>평가: ↑ / ↓</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_page.py" line="616" />
            <source>previous / next image</source>
            <translation>이전 / 다음 이미지</translation>
        </message>
    </context>
    <context>
        <name>FirstRunPanel</name>
        <message>
            <location filename="../../ui/first_run.py" line="133" />
            <source>No model loaded yet</source>
            <translation>아직 불러온 모델이 없습니다</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="134" />
            <source>QC Station judges each part against a model of good parts. Choose how to get one:</source>
            <translation>QC Station은 양품 모델과 비교하여 각 부품을 판정합니다. 모델을 준비할 방법을 선택하세요:</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="136" />
            <source>Train from a folder of good images</source>
            <translation>양품 이미지 폴더로 학습</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="137" />
            <source>A few dozen photos of good parts are enough; training takes a minute or two on this PC.</source>
            <translation>양품 사진 수십 장이면 충분합니다. 이 PC에서 학습은 1~2분 걸립니다.</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="139" />
            <location filename="../../ui/first_run.py" line="148" />
            <source>Open a model file</source>
            <translation>모델 파일 열기</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="140" />
            <source>A .qcs model trained on another station or exported earlier.</source>
            <translation>다른 스테이션에서 학습했거나 이전에 내보낸 .qcs 모델.</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="141" />
            <source>Try the sample</source>
            <translation>샘플 사용해 보기</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="142" />
            <source>Trains a model on built-in synthetic parts and plays its test images, so you see OK and NG verdicts at once.</source>
            <translation>내장된 합성 부품으로 모델을 학습하고 테스트 이미지를 재생하므로 OK와 NG 판정을 바로 볼 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="144" />
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="149" />
            <source>QC Station models (*.qcs);;All files (*)</source>
            <translation>QC Station 모델 (*.qcs);;모든 파일 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="154" />
            <source>Loading %1 …</source>
            <translation>%1 불러오는 중 …</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="177" />
            <source>Model not loaded</source>
            <translation>모델을 불러오지 못했습니다</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="178" />
            <source>The model could not be opened:
%1</source>
            <translation>모델을 열 수 없습니다:
%1</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="198" />
            <source>Preparing the sample…</source>
            <translation>샘플 준비 중…</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="204" />
            <source>Cancelling…</source>
            <translation>취소 중…</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="226" />
            <source>The sample could not be prepared: %1</source>
            <translation>샘플을 준비하지 못했습니다: %1</translation>
        </message>
        <message>
            <location filename="../../ui/first_run.py" line="230" />
            <source>Sample cancelled.</source>
            <translation>샘플이 취소되었습니다.</translation>
        </message>
    </context>
    <context>
        <name>GroupedBarChart</name>
        <message>
            <location filename="../../widgets/charts.py" line="182" />
            <source>category</source>
            <translation>카테고리</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <location filename="../../ui/help_dialog.py" line="15" />
            <source>Help: keyboard shortcuts</source>
            <translation>도움말: 키보드 단축키</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="21" />
            <source>No model yet? The Live page offers: train from a folder of good images, open a model file, or try the built-in sample.</source>
            <translation>아직 모델이 없나요? 라이브 화면에서 양품 이미지 폴더로 학습, 모델 파일 열기, 내장 샘플 사용 중에서 선택할 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="23" />
            <source>Live page: choose an image folder, a video file or a camera, then Start. Images posted to the HTTP endpoint show there too.</source>
            <translation>라이브 화면: 이미지 폴더, 동영상 파일 또는 카메라를 선택한 후 시작을 누르세요. HTTP 엔드포인트로 전송된 이미지도 여기에 표시됩니다.</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="25" />
            <source>Click a thumbnail in the NG strip to look at that part again; Esc returns to the live stream.</source>
            <translation>NG 목록의 썸네일을 클릭하면 해당 부품을 다시 볼 수 있습니다. Esc를 누르면 라이브로 돌아갑니다.</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="27" />
            <source>F11 switches to operator mode: full screen, big verdict and counters.</source>
            <translation>F11: 작업자 모드로 전환 (전체 화면, 큰 판정 표시와 카운터).</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="29" />
            <source>Keyboard shortcuts</source>
            <translation>키보드 단축키</translation>
        </message>
        <message>
            <location filename="../../ui/help_dialog.py" line="30" />
            <source>Getting started</source>
            <translation>시작하기</translation>
        </message>
    </context>
    <context>
        <name>HistoryPage</name>
        <message>
            <location filename="../../ui/history_page.py" line="146" />
            <source>Export CSV…</source>
            <translation>CSV 내보내기…</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="147" />
            <source>Export every record matching the current filter</source>
            <translation>현재 필터와 일치하는 모든 기록 내보내기</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="186" />
            <source>History</source>
            <translation>이력</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="233" />
            <source>Verdict</source>
            <translation>판정</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="344" />
            <source>The start date is after the end date.</source>
            <translation>시작 날짜가 종료 날짜보다 늦습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="347" />
            <source>The minimum score is above the maximum.</source>
            <translation>최소 점수가 최대 점수보다 큽니다.</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="351" />
            <source>No history database.</source>
            <translation>이력 데이터베이스가 없습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="359" />
            <source>Searching…</source>
            <translation>검색 중…</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="380" />
            <source>Search failed: {0}</source>
            <translation>검색 실패: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="383" />
            <source>{0} records</source>
            <translation>{0}건</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="406" />
            <source>More than {0} records (counting…)</source>
            <translation>{0}건 이상 (개수 세는 중…)</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="440" />
            <source>{0} new — show newest</source>
            <translation>새 기록 {0}건 — 최신 보기</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="510" />
            <location filename="../../ui/history_page.py" line="529" />
            <source>Export history as CSV</source>
            <translation>이력을 CSV로 내보내기</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="511" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 파일 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="520" />
            <source>Exporting…</source>
            <translation>내보내는 중…</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="524" />
            <source>Exported {0} records to {1}</source>
            <translation>기록 {0}건을 {1}(으)로 내보냈습니다</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="528" />
            <source>Export failed: {0}</source>
            <translation>내보내기 실패: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="534" />
            <source>History: ↑ / ↓</source>
            <translation>이력: ↑ / ↓</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="534" />
            <source>previous / next record</source>
            <translation>이전 / 다음 기록</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="535" />
            <source>History: Ctrl+F</source>
            <translation>이력: Ctrl+F</translation>
        </message>
        <message>
            <location filename="../../ui/history_page.py" line="535" />
            <source>search by name</source>
            <translation>이름으로 검색</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>기록</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>감사 로그</translation>
        </message>
    </context>
    <context>
        <name>LineChart</name>
        <message>
            <location filename="../../widgets/charts.py" line="214" />
            <source>category</source>
            <translation>카테고리</translation>
        </message>
    </context>
    <context>
        <name>LivePage</name>
        <message>
            <location filename="../../ui/live_page.py" line="134" />
            <source>Live</source>
            <translation>라이브</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="339" />
            <source>Space</source>
            <translation>Space</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="339" />
            <source>Live: start / stop the source</source>
            <translation>라이브: 소스 시작 / 정지</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="340" />
            <source>Live: single-shot trigger (one frame)</source>
            <translation>라이브: 단일 트리거 (1프레임)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="341" />
            <source>Live: heatmap on / off</source>
            <translation>라이브: 히트맵 켜기 / 끄기</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="342" />
            <source>Live: fit the image to the view (or double-click it)</source>
            <translation>라이브: 이미지를 화면에 맞추기 (또는 더블클릭)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="343" />
            <source>Wheel / drag</source>
            <translation>휠 / 드래그</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="343" />
            <source>Live: zoom / pan the image</source>
            <translation>라이브: 이미지 확대·축소 / 이동</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="344" />
            <source>Live: back to the live stream after showing an NG part</source>
            <translation>라이브: NG 부품을 본 후 라이브로 돌아가기</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="348" />
            <source>Source:</source>
            <translation>소스:</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="349" />
            <source>Image folder</source>
            <translation>이미지 폴더</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="349" />
            <location filename="../../ui/live_page.py" line="358" />
            <location filename="../../ui/live_page.py" line="575" />
            <source>Video file</source>
            <translation>동영상 파일</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="349" />
            <source>Camera</source>
            <translation>카메라</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="351" />
            <location filename="../../ui/live_page.py" line="570" />
            <source>Folder of part images</source>
            <translation>부품 이미지 폴더</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="352" />
            <location filename="../../ui/live_page.py" line="359" />
            <source>Browse…</source>
            <translation>찾아보기…</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="353" />
            <source>every</source>
            <translation>간격</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="354" />
            <source>Time between two parts; 0 = as fast as inference allows</source>
            <translation>부품 사이 시간. 0 = 추론이 허용하는 최대 속도</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="355" />
            <source>Shuffle</source>
            <translation>무작위</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="356" />
            <location filename="../../ui/live_page.py" line="360" />
            <source>Loop</source>
            <translation>반복</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="357" />
            <source>Subfolders</source>
            <translation>하위 폴더</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="361" />
            <source>As fast as inference allows</source>
            <translation>추론 최대 속도</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="362" />
            <source>Index</source>
            <translation>번호</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="363" />
            <source>Resolution</source>
            <translation>해상도</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="364" />
            <source>Driver default</source>
            <translation>드라이버 기본값</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="365" />
            <source>Exposure</source>
            <translation>노출</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="366" />
            <location filename="../../ui/live_page.py" line="368" />
            <source>auto</source>
            <translation>자동</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="367" />
            <source>Gain</source>
            <translation>게인</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="369" />
            <source>Start</source>
            <translation>시작</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="370" />
            <source>Start the source (Space)</source>
            <translation>소스 시작 (Space)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="371" />
            <source>Stop</source>
            <translation>정지</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="372" />
            <source>Stop the source (Space)</source>
            <translation>소스 정지 (Space)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="373" />
            <source>Trigger</source>
            <translation>트리거</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="374" />
            <source>Inspect one frame (T)</source>
            <translation>1프레임 검사 (T)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="375" />
            <source>Heatmap</source>
            <translation>히트맵</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="376" />
            <source>Show the anomaly heatmap (H)</source>
            <translation>이상 히트맵 표시 (H)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="377" />
            <source>Opacity</source>
            <translation>불투명도</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="378" />
            <source>Fit</source>
            <translation>맞춤</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="379" />
            <source>Fit the image to the view (F, or double-click)</source>
            <translation>이미지를 화면에 맞추기 (F 또는 더블클릭)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="380" />
            <source>Back to live</source>
            <translation>라이브로 돌아가기</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="381" />
            <source>Waiting for parts</source>
            <translation>부품 대기 중</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="382" />
            <source>Last NG parts (click to show)</source>
            <translation>최근 NG 부품 (클릭하여 보기)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="383" />
            <source>Choose a source and press Start,
or post images to the endpoint.</source>
            <translation>소스를 선택하고 시작을 누르거나
엔드포인트로 이미지를 전송하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="446" />
            <source>Training</source>
            <translation>학습</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="447" />
            <source>Train a model from the command line:
python main.py train --ok FOLDER --out model.qcs
then open it here.</source>
            <translation>명령줄에서 모델 학습:
python main.py train --ok FOLDER --out model.qcs
그런 다음 여기서 여세요.</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="458" />
            <source>Choose a folder of images first.</source>
            <translation>먼저 이미지 폴더를 선택하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="460" />
            <source>The folder does not exist: %1</source>
            <translation>폴더가 없습니다: %1</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="468" />
            <source>Choose a video file first.</source>
            <translation>먼저 동영상 파일을 선택하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="470" />
            <source>The video file does not exist: %1</source>
            <translation>동영상 파일이 없습니다: %1</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="492" />
            <source>No model loaded: train or open one first.</source>
            <translation>불러온 모델이 없습니다: 먼저 학습하거나 여세요.</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="540" />
            <source>Stop the stream to use single-shot triggers.</source>
            <translation>단일 트리거를 사용하려면 스트림을 정지하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="549" />
            <source>Source stopped: %1</source>
            <translation>소스가 정지되었습니다: %1</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="556" />
            <source>The source has ended.</source>
            <translation>소스가 끝났습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="576" />
            <source>Videos (*.avi *.mp4 *.mkv *.mov *.wmv);;All files (*)</source>
            <translation>동영상 (*.avi *.mp4 *.mkv *.mov *.wmv);;모든 파일 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="585" />
            <source>Inspection failed: %1</source>
            <translation>검사 실패: %1</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="648" />
            <source>NG part held: </source>
            <translation>NG 부품 표시 중: </translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="660" />
            <source>score %1 / threshold %2</source>
            <translation>점수 %1 / 임계값 %2</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="662" />
            <source>Defects: %1 · processing %2 ms</source>
            <translation>결함: %1 · 처리 %2 ms</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="688" />
            <source>Shift %1 started: counters restarted.</source>
            <translation>교대 %1 시작: 카운터를 다시 시작했습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="692" />
            <source>Shift %1 · counting since %2</source>
            <translation>교대 %1 · %2부터 집계</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="695" />
            <source>Counting since %1</source>
            <translation>%1부터 집계</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="707" />
            <source>Processing %1 ms · %2 parts/s · %3 frames dropped</source>
            <translation>처리 %1 ms · %2개/초 · 드롭 프레임 %3</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="712" />
            <source>Camera lost: reconnecting…</source>
            <translation>카메라 연결 끊김: 재연결 중…</translation>
        </message>
        <message>
            <location filename="../../ui/live_page.py" line="714" />
            <source>The camera driver ignores: %1</source>
            <translation>카메라 드라이버가 무시한 설정: %1</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>Live: leave a text field, so Space and T work again</source>
            <translation>라이브: 텍스트 입력란에서 나가 Space와 T를 다시 사용</translation>
        </message>
        <message>
            <source>%1 × threshold · score %2 / threshold %3</source>
            <translation>임계값의 %1배 · 점수 %2 / 임계값 %3</translation>
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
            <translation>엔드포인트: 꺼짐</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="184" />
            <source>No model loaded</source>
            <translation>불러온 모델 없음</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="186" />
            <source>Model: %1</source>
            <translation>모델: %1</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="189" />
            <source>Queue %1/%2</source>
            <translation>대기열 %1/%2</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="197" />
            <source>Operator mode (full screen)</source>
            <translation>작업자 모드 (전체 화면)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="202" />
            <location filename="../../ui/main_window.py" line="240" />
            <source>Keyboard shortcuts</source>
            <translation>키보드 단축키</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="228" />
            <source>Operator mode: full screen, big fonts</source>
            <translation>작업자 모드: 전체 화면, 큰 글꼴</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="229" />
            <source>This help</source>
            <translation>이 도움말</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="230" />
            <source>Go to page 1 … 9</source>
            <translation>1 … 9 페이지로 이동</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>종료</translation>
        </message>
        <message>
            <source>Go to page 1 … %1</source>
            <translation>1 … %1 페이지로 이동</translation>
        </message>
    </context>
    <context>
        <name>ModelsPage</name>
        <message>
            <location filename="../../ui/models_page.py" line="103" />
            <source>Models</source>
            <translation>모델</translation>
        </message>
        <message>
            <location filename="../../ui/models_page.py" line="237" />
            <source>Models: delete the selected model</source>
            <translation>모델: 선택한 모델 삭제</translation>
        </message>
        <message>
            <location filename="../../ui/models_page.py" line="238" />
            <source>Models: rename the selected model</source>
            <translation>모델: 선택한 모델 이름 변경</translation>
        </message>
        <message>
            <location filename="../../ui/models_page.py" line="239" />
            <source>Models: activate the selected model</source>
            <translation>모델: 선택한 모델 활성화</translation>
        </message>
        <message>
            <location filename="../../ui/models_page.py" line="337" />
            <source>A model needs a name.</source>
            <translation>모델에는 이름이 필요합니다.</translation>
        </message>
    </context>
    <context>
        <name>RecordDetailPanel</name>
        <message>
            <location filename="../../widgets/detail_panel.py" line="124" />
            <location filename="../../widgets/detail_panel.py" line="226" />
            <source>Select a record to see its details.</source>
            <translation>기록을 선택하면 상세 정보가 표시됩니다.</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="129" />
            <source>Original image</source>
            <translation>원본 이미지</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="130" />
            <source>Annotated: heatmap and defect boxes</source>
            <translation>주석: 히트맵과 결함 박스</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="132" />
            <source>Original</source>
            <translation>원본</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="133" />
            <source>Annotated</source>
            <translation>주석</translation>
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
            <translation>너비</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="137" />
            <source>height</source>
            <translation>높이</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="137" />
            <source>area</source>
            <translation>면적</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="137" />
            <location filename="../../widgets/detail_panel.py" line="233" />
            <source>score</source>
            <translation>점수</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="147" />
            <source>Regions</source>
            <translation>영역</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="148" />
            <source>Context (PEKAT)</source>
            <translation>컨텍스트 (PEKAT)</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="149" />
            <source>Review</source>
            <translation>검토</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="151" />
            <source>Copy image</source>
            <translation>이미지 복사</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="152" />
            <source>Copy annotated</source>
            <translation>주석 이미지 복사</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="153" />
            <source>Open image folder</source>
            <translation>이미지 폴더 열기</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="187" />
            <source>Operator review</source>
            <translation>작업자 검토</translation>
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
            <translation>메모 (선택): 사유, 담당자, 로트…</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="196" />
            <source>Save review</source>
            <translation>검토 저장</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="201" />
            <source>Verdict:</source>
            <translation>판정:</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="207" />
            <source>Note:</source>
            <translation>메모:</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="233" />
            <source>defects</source>
            <translation>결함</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="234" />
            <source>source</source>
            <translation>소스</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="234" />
            <source>model</source>
            <translation>모델</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="242" />
            <source>loading…</source>
            <translation>불러오는 중…</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="244" />
            <source>Image pruned by quota</source>
            <translation>용량 한도로 이미지 삭제됨</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="248" />
            <source>Image not saved (saving rule)</source>
            <translation>이미지 저장 안 됨 (저장 규칙)</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="252" />
            <location filename="../../widgets/detail_panel.py" line="253" />
            <source>not saved</source>
            <translation>저장 안 됨</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="271" />
            <source>image file missing</source>
            <translation>이미지 파일 없음</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="290" />
            <source>Reviewed {0}: {1} (machine said {2})</source>
            <translation>{0}에 검토됨: {1} (장비 판정 {2})</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="293" />
            <source>Not reviewed yet (machine verdict {0}).</source>
            <translation>아직 검토되지 않음 (장비 판정 {0}).</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="301" />
            <source>Saving…</source>
            <translation>저장 중…</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="306" />
            <source>Review not saved: {0}</source>
            <translation>검토가 저장되지 않았습니다: {0}</translation>
        </message>
        <message>
            <location filename="../../widgets/detail_panel.py" line="1" />
            <source>Find similar</source>
            <translation>유사 항목 찾기</translation>
        </message>
    </context>
    <context>
        <name>RecordTableModel</name>
        <message>
            <location filename="../../widgets/record_table.py" line="56" />
            <source>Time</source>
            <translation>시간</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="56" />
            <source>Name</source>
            <translation>이름</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="56" />
            <source>Source</source>
            <translation>소스</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="56" />
            <source>Part ID</source>
            <translation>부품 ID</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="57" />
            <source>Verdict</source>
            <translation>판정</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="57" />
            <source>Defects</source>
            <translation>결함</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="57" />
            <source>Score</source>
            <translation>점수</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="57" />
            <source>Model</source>
            <translation>모델</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="222" />
            <source>{0} (was {1})</source>
            <translation>{0} (원래 {1})</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="238" />
            <source>Reviewed by the operator: {0}</source>
            <translation>작업자 검토: {0}</translation>
        </message>
        <message>
            <location filename="../../widgets/record_table.py" line="240" />
            <source>normalized score {0:.3f} (1.0 = threshold)</source>
            <translation>정규화 점수 {0:.3f} (1.0 = 임계값)</translation>
        </message>
        <message>
            <source>{0:.3f} × the threshold (1.0 = threshold); raw score {1:.4g}</source>
            <translation>임계값의 {0:.3f}배 (1.0 = 임계값), 원점수 {1:.4g}</translation>
        </message>
    </context>
    <context>
        <name>ScoreHistogram</name>
        <message>
            <location filename="../../widgets/charts.py" line="229" />
            <source>threshold {value:.3g}</source>
            <translation>임계값 {value:.3g}</translation>
        </message>
        <message>
            <location filename="../../widgets/charts.py" line="261" />
            <source>bin start</source>
            <translation>구간 시작</translation>
        </message>
        <message>
            <location filename="../../widgets/charts.py" line="261" />
            <source>bin end</source>
            <translation>구간 끝</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../ui/settings_page.py" line="86" />
            <source>Settings</source>
            <translation>설정</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="105" />
            <source>Start the HTTP endpoint with the window</source>
            <translation>창과 함께 HTTP 엔드포인트 시작</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="107" />
            <source>127.0.0.1: this PC only; 0.0.0.0: every network interface</source>
            <translation>127.0.0.1: 이 PC만, 0.0.0.0: 모든 네트워크 인터페이스</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="112" />
            <source>empty: no key required</source>
            <translation>비워 두면 키 필요 없음</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="113" />
            <source>Show</source>
            <translation>표시</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="116" />
            <source>Generate</source>
            <translation>생성</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="121" />
            <source> megapixels</source>
            <translation> 메가픽셀</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="122" />
            <source>Larger images are refused with HTTP 413.</source>
            <translation>이보다 큰 이미지는 HTTP 413으로 거부됩니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="130" />
            <source>HTTP endpoint (PEKAT VISION protocol)</source>
            <translation>HTTP 엔드포인트 (PEKAT VISION 프로토콜)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="133" />
            <source>Host:</source>
            <translation>호스트:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="135" />
            <source>Port:</source>
            <translation>포트:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="137" />
            <source>API key:</source>
            <translation>API 키:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="139" />
            <source>Max. image size:</source>
            <translation>최대 이미지 크기:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="141" />
            <source>Host, port and on/off take effect after a restart; the API key and the image size limit at once.</source>
            <translation>호스트, 포트, 켜기/끄기는 재시작 후 적용되고, API 키와 이미지 크기 제한은 즉시 적용됩니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="146" />
            <source>All images</source>
            <translation>모든 이미지</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="147" />
            <source>NG images only</source>
            <translation>NG 이미지만</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="148" />
            <source>No images (results only)</source>
            <translation>이미지 없음 (결과만)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="153" />
            <source>The oldest images are deleted beyond this size (results are kept).</source>
            <translation>이 크기를 넘으면 가장 오래된 이미지부터 삭제됩니다 (결과는 유지).</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="158" />
            <source>Saving pauses, with a warning, below this free disk space.</source>
            <translation>남은 디스크 공간이 이 값보다 적으면 경고와 함께 저장을 일시 중지합니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="160" />
            <source>default: the user's data folder</source>
            <translation>기본값: 사용자 데이터 폴더</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="161" />
            <source>Browse…</source>
            <translation>찾아보기…</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="164" />
            <source>optional, e.g. http://es-server:9200</source>
            <translation>선택 사항, 예: http://es-server:9200</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="167" />
            <source>History and images</source>
            <translation>이력과 이미지</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="169" />
            <source>Save images:</source>
            <translation>이미지 저장:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="170" />
            <source>Disk quota:</source>
            <translation>디스크 할당량:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="171" />
            <source>Keep free:</source>
            <translation>남길 여유 공간:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="172" />
            <source>Data folder:</source>
            <translation>데이터 폴더:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="174" />
            <source>A new data folder (history database, images, models, logs) is used after a restart; existing data is not moved.</source>
            <translation>새 데이터 폴더(이력 데이터베이스, 이미지, 모델, 로그)는 재시작 후 사용되며, 기존 데이터는 이동되지 않습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="176" />
            <source>Elasticsearch URL:</source>
            <translation>Elasticsearch URL:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="178" />
            <source>Elasticsearch index:</source>
            <translation>Elasticsearch 인덱스:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="183" />
            <source>Automatic (CUDA when present)</source>
            <translation>자동 (CUDA가 있으면 사용)</translation>
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
            <translation>이 PC에는 사용 가능한 CUDA GPU가 없습니다 (torch.cuda.is_available()이 false).</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="192" />
            <source>System language</source>
            <translation>시스템 언어</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="196" />
            <source>Dark</source>
            <translation>어둡게</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="197" />
            <source>Light</source>
            <translation>밝게</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="198" />
            <source>Station</source>
            <translation>스테이션</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="200" />
            <source>Device:</source>
            <translation>장치:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="202" />
            <source>Language:</source>
            <translation>언어:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="203" />
            <source>Theme:</source>
            <translation>테마:</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="204" />
            <source>Device and language take effect after a restart; the theme at once.</source>
            <translation>장치와 언어는 재시작 후, 테마는 즉시 적용됩니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="208" />
            <source>Shift</source>
            <translation>교대</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="208" />
            <source>Starts (HH:MM)</source>
            <translation>시작 (HH:MM)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="213" />
            <source>Add shift</source>
            <translation>교대 추가</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="214" />
            <source>Remove shift</source>
            <translation>교대 삭제</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="217" />
            <source>Shifts</source>
            <translation>교대</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="222" />
            <source>Counters and reports group parts by shift; a shift may cross midnight.</source>
            <translation>카운터와 보고서는 부품을 교대별로 집계합니다. 교대는 자정을 넘어가도 됩니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="225" />
            <source>Save</source>
            <translation>저장</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="226" />
            <source>Revert</source>
            <translation>되돌리기</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="278" />
            <source>Choose the data folder</source>
            <translation>데이터 폴더 선택</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="289" />
            <source>⚠ The endpoint will be reachable from the network without an API key: anyone on it can post images and read the history. Set an API key.</source>
            <translation>⚠ API 키 없이 엔드포인트가 네트워크에서 접근 가능해집니다: 네트워크의 누구나 이미지를 보내고 이력을 읽을 수 있습니다. API 키를 설정하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="428" />
            <source>Not saved.</source>
            <translation>저장되지 않았습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="447" />
            <source>Cannot write the settings file: %1</source>
            <translation>설정 파일을 쓸 수 없습니다: %1</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="450" />
            <source>Saved. Some changes take effect after a restart.</source>
            <translation>저장되었습니다. 일부 변경은 재시작 후 적용됩니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="451" />
            <source>Saved.</source>
            <translation>저장되었습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="467" />
            <source>Saved, but the image store could not switch: %1</source>
            <translation>저장되었지만 이미지 저장소를 전환하지 못했습니다: %1</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="350" />
            <source>Host must be an IP address or a host name (e.g. 127.0.0.1 or 0.0.0.0).</source>
            <translation>호스트는 IP 주소나 호스트 이름이어야 합니다 (예: 127.0.0.1 또는 0.0.0.0).</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="354" />
            <source>Port must be a whole number from 1 to 65535 (got “%1”).</source>
            <translation>포트는 1~65535 사이의 정수여야 합니다 (입력값 “%1”).</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="357" />
            <source>An API key needs at least 8 characters and no spaces.</source>
            <translation>API 키는 8자 이상이어야 하며 공백을 포함할 수 없습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="366" />
            <source>The data folder must be an absolute path.</source>
            <translation>데이터 폴더는 절대 경로여야 합니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="368" />
            <source>The data folder path is a file, not a folder.</source>
            <translation>데이터 폴더 경로가 폴더가 아니라 파일입니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="371" />
            <source>The Elasticsearch URL must start with http:// or https://.</source>
            <translation>Elasticsearch URL은 http:// 또는 https://로 시작해야 합니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="374" />
            <source>The Elasticsearch index must be lowercase letters, digits, '-', '_' or '.'.</source>
            <translation>Elasticsearch 인덱스는 영문 소문자, 숫자, '-', '_', '.'만 사용할 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="381" />
            <source>CUDA is not available on this PC.</source>
            <translation>이 PC에서는 CUDA를 사용할 수 없습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="388" />
            <source>Define at least one shift.</source>
            <translation>교대를 하나 이상 정의하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="391" />
            <source>Shift %1 has no name.</source>
            <translation>교대 %1에 이름이 없습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="393" />
            <source>Shift name “%1” is used twice.</source>
            <translation>교대 이름 “%1”이(가) 중복됩니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="395" />
            <source>Shift “%1”: start “%2” is not a time like 06:00.</source>
            <translation>교대 “%1”: 시작 “%2”은(는) 06:00 같은 시각이 아닙니다.</translation>
        </message>
        <message>
            <location filename="../../ui/settings_page.py" line="398" />
            <source>Two shifts start at the same time.</source>
            <translation>두 교대가 같은 시각에 시작합니다.</translation>
        </message>
    </context>
    <context>
        <name>ShiftCounters</name>
        <message>
            <location filename="../../widgets/counters.py" line="43" />
            <source>Total</source>
            <translation>합계</translation>
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
            <translation>수율</translation>
        </message>
        <message>
            <location filename="../../widgets/counters.py" line="46" />
            <source>Reset</source>
            <translation>초기화</translation>
        </message>
        <message>
            <location filename="../../widgets/counters.py" line="47" />
            <source>Start counting a new shift</source>
            <translation>새 교대 집계 시작</translation>
        </message>
        <message>
            <source>Reset the counters</source>
            <translation>카운터 초기화</translation>
        </message>
        <message>
            <source>Set the shift counters (%1 parts, %2 NG) back to zero?</source>
            <translation>교대 카운터(부품 %1개, NG %2개)를 0으로 되돌릴까요?</translation>
        </message>
    </context>
    <context>
        <name>ShiftReport</name>
        <message>
            <location filename="../../ui/report.py" line="27" />
            <source>Charts</source>
            <translation>차트</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="28" />
            <source>Counts</source>
            <translation>수량</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="29" />
            <source>Defects found</source>
            <translation>발견된 결함</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="30" />
            <source>Inspected</source>
            <translation>검사 수</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="31" />
            <source>Last NG parts</source>
            <translation>최근 NG 부품</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="32" />
            <source>NG</source>
            <translation>NG</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="33" />
            <source>NG rate</source>
            <translation>NG율</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="34" />
            <source>No NG parts in this period.</source>
            <translation>이 기간에 NG 부품이 없습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="35" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="36" />
            <source>Per shift</source>
            <translation>교대별</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="37" />
            <source>Period</source>
            <translation>기간</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="38" />
            <source>QC Station shift report</source>
            <translation>QC Station 교대 보고서</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="39" />
            <source>Shift</source>
            <translation>교대</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="40" />
            <source>Yield</source>
            <translation>수율</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="41" />
            <source>defects</source>
            <translation>결함</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="42" />
            <source>generated</source>
            <translation>생성</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="43" />
            <source>image not saved</source>
            <translation>이미지 저장 안 됨</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="44" />
            <source>image pruned by quota</source>
            <translation>용량 한도로 이미지 삭제됨</translation>
        </message>
        <message>
            <location filename="../../ui/report.py" line="45" />
            <source>score</source>
            <translation>점수</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>요약</translation>
        </message>
        <message>
            <source>Where defects sit (NG parts)</source>
            <translation>결함 위치 (NG 부품)</translation>
        </message>
        <message>
            <source>no model loaded</source>
            <translation>불러온 모델 없음</translation>
        </message>
        <message>
            <source>threshold %1</source>
            <translation>임계값 %1</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>모델</translation>
        </message>
    </context>
    <context>
        <name>StationShell</name>
        <message>
            <location filename="../../ui/app.py" line="198" />
            <source>Endpoint: off (enable it in the settings)</source>
            <translation>엔드포인트: 꺼짐 (설정에서 켜세요)</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="216" />
            <source>Endpoint not running: %1</source>
            <translation>엔드포인트가 실행되지 않음: %1</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="221" />
            <source>Endpoint %1</source>
            <translation>엔드포인트 %1</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="222" />
            <source>Line PLCs and scripts post images to %1/analyze_image</source>
            <translation>라인 PLC와 스크립트는 %1/analyze_image로 이미지를 전송합니다</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="226" />
            <source>Endpoint open to the network without an API key</source>
            <translation>API 키 없이 네트워크에 열린 엔드포인트</translation>
        </message>
    </context>
    <context>
        <name>StatisticsPage</name>
        <message>
            <location filename="../../ui/statistics_page.py" line="60" />
            <source>Today</source>
            <translation>오늘</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="60" />
            <source>Current shift</source>
            <translation>현재 교대</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="61" />
            <source>Last 7 days</source>
            <translation>최근 7일</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="61" />
            <source>Last 15 days</source>
            <translation>최근 15일</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="62" />
            <source>Custom</source>
            <translation>사용자 지정</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="75" />
            <source>Export charts…</source>
            <translation>차트 내보내기…</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="76" />
            <source>Write every chart as PNG and its numbers as CSV into a folder</source>
            <translation>모든 차트를 PNG로, 수치를 CSV로 폴더에 저장</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="77" />
            <source>Shift report…</source>
            <translation>교대 보고서…</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="78" />
            <source>A printable report (HTML or PDF) of the period</source>
            <translation>기간의 인쇄용 보고서 (HTML 또는 PDF)</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="79" />
            <source>Refresh</source>
            <translation>새로 고침</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="82" />
            <source>Period</source>
            <translation>기간</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="94" />
            <source>Records and defects per day</source>
            <translation>일별 기록 및 결함</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="95" />
            <location filename="../../ui/statistics_page.py" line="221" />
            <source>NG rate per day</source>
            <translation>일별 NG율</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="96" />
            <source>NG rate per shift</source>
            <translation>교대별 NG율</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="97" />
            <source>Score distribution (1.0 = threshold)</source>
            <translation>점수 분포 (1.0 = 임계값)</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="98" />
            <source>Defects per part</source>
            <translation>부품당 결함 수</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="112" />
            <source>Right-click: save as PNG or CSV</source>
            <translation>오른쪽 클릭: PNG 또는 CSV로 저장</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="137" />
            <source>Statistics</source>
            <translation>통계</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="181" />
            <source>No history database.</source>
            <translation>이력 데이터베이스가 없습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="200" />
            <source>Statistics unavailable: {0}</source>
            <translation>통계를 사용할 수 없음: {0}</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="208" />
            <source>Inspected</source>
            <translation>검사 수</translation>
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
            <translation>수율</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="209" />
            <source>Defects found</source>
            <translation>발견된 결함</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="217" />
            <source>records</source>
            <translation>기록</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="218" />
            <source>defects</source>
            <translation>결함</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="219" />
            <source>date</source>
            <translation>날짜</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="224" />
            <source>NG rate per hour</source>
            <translation>시간별 NG율</translation>
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
            <translation>구간</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="231" />
            <source>shift</source>
            <translation>교대</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="234" />
            <source>normalized score</source>
            <translation>정규화 점수</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="236" />
            <source>parts</source>
            <translation>부품 수</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="237" />
            <source>defects per part</source>
            <translation>부품당 결함 수</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="242" />
            <source>Save chart as PNG…</source>
            <translation>차트를 PNG로 저장…</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="243" />
            <source>Save numbers as CSV…</source>
            <translation>수치를 CSV로 저장…</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="246" />
            <source>Save chart</source>
            <translation>차트 저장</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="247" />
            <source>PNG images (*.png)</source>
            <translation>PNG 이미지 (*.png)</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="251" />
            <source>Save numbers</source>
            <translation>수치 저장</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="252" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 파일 (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="260" />
            <location filename="../../ui/statistics_page.py" line="278" />
            <source>Export</source>
            <translation>내보내기</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="273" />
            <source>Export charts into folder</source>
            <translation>차트를 폴더로 내보내기</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="280" />
            <source>{0} files written to {1}</source>
            <translation>파일 {0}개를 {1}에 저장했습니다</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="288" />
            <source>Save shift report</source>
            <translation>교대 보고서 저장</translation>
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
            <translation>교대 보고서</translation>
        </message>
        <message>
            <location filename="../../ui/statistics_page.py" line="303" />
            <source>Report written to {0}</source>
            <translation>보고서를 {0}에 저장했습니다</translation>
        </message>
        <message>
            <source>Records and NG parts per hour</source>
            <translation>시간별 기록 및 NG 부품</translation>
        </message>
        <message>
            <source>hour</source>
            <translation>시</translation>
        </message>
    </context>
    <context>
        <name>TrainDialog</name>
        <message>
            <location filename="../../ui/train_dialog.py" line="166" />
            <source>Train a model</source>
            <translation>모델 학습</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="169" />
            <source>Loading images</source>
            <translation>이미지 불러오는 중</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="170" />
            <source>Extracting features</source>
            <translation>특징 추출 중</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="171" />
            <source>Building the memory bank</source>
            <translation>메모리 뱅크 구축 중</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="172" />
            <source>Learning how OK parts vary</source>
            <translation>OK 부품의 변동 학습 중</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="172" />
            <source>Calibrating the threshold</source>
            <translation>임계값 보정 중</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="180" />
            <source>Training the flow</source>
            <translation>플로 학습 중</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="176" />
            <source>folder with images of good parts</source>
            <translation>양품 이미지 폴더</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="179" />
            <source>optional: defective parts, to calibrate the threshold</source>
            <translation>선택: 불량 부품 이미지 (임계값 보정용)</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="182" />
            <location filename="../../ui/train_dialog.py" line="296" />
            <source>e.g. bottle-line-3</source>
            <translation>예: bottle-line-3</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="188" />
            <source>Make it the active model when training succeeds</source>
            <translation>학습이 성공하면 활성 모델로 지정</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="192" />
            <source>OK images:</source>
            <translation>OK 이미지:</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="192" />
            <source>Choose the folder of OK images</source>
            <translation>OK 이미지 폴더 선택</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="194" />
            <source>NG images:</source>
            <translation>NG 이미지:</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="194" />
            <source>Choose the folder of NG images</source>
            <translation>NG 이미지 폴더 선택</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="196" />
            <source>Name:</source>
            <translation>이름:</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="197" />
            <source>Algorithm:</source>
            <translation>알고리즘:</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="201" />
            <source>Set the algorithm parameters myself</source>
            <translation>알고리즘 파라미터 직접 설정</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="202" />
            <source>Algorithm parameters</source>
            <translation>알고리즘 파라미터</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="207" />
            <source>Defaults</source>
            <translation>기본값</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="216" />
            <source>Ready.</source>
            <translation>준비됨.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="226" />
            <source>Train</source>
            <translation>학습</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="228" />
            <source>Cancel training</source>
            <translation>학습 취소</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="230" />
            <source>Close</source>
            <translation>닫기</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="267" />
            <source>Browse…</source>
            <translation>찾아보기…</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="298" />
            <source>Need at least %1 images of good parts.</source>
            <translation>양품 이미지가 %1장 이상 필요합니다.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="300" />
            <source>This folder does not exist.</source>
            <translation>이 폴더는 존재하지 않습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="302" />
            <location filename="../../ui/train_dialog.py" line="310" />
            <source>%1 images found.</source>
            <translation>이미지 %1장을 찾았습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="304" />
            <source>Need at least %1.</source>
            <translation>%1장 이상 필요합니다.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="306" />
            <source>More images (20 or more) give a more reliable model.</source>
            <translation>이미지가 많을수록(20장 이상) 모델의 신뢰도가 높아집니다.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="312" />
            <source>Without NG images the threshold is set from held-out OK images.</source>
            <translation>NG 이미지가 없으면 임계값은 학습에서 제외한 OK 이미지로 정해집니다.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="324" />
            <source>Choose an existing folder of OK images.</source>
            <translation>존재하는 OK 이미지 폴더를 선택하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="328" />
            <source>Need at least %1 OK images; this folder has %2.</source>
            <translation>OK 이미지가 %1장 이상 필요하지만 이 폴더에는 %2장뿐입니다.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="335" />
            <source>The NG folder does not exist.</source>
            <translation>NG 폴더가 없습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="339" />
            <source>The NG folder has no images; clear it or choose another one.</source>
            <translation>NG 폴더에 이미지가 없습니다. 비우거나 다른 폴더를 선택하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="372" />
            <source>Starting…</source>
            <translation>시작 중…</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="385" />
            <source>Cancelling…</source>
            <translation>취소 중…</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="415" />
            <source>Trained “%1” in %2 s; saved as %3.</source>
            <translation>“%1”을(를) %2초 만에 학습하여 %3(으)로 저장했습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="420" />
            <source>Done</source>
            <translation>완료</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="433" />
            <source>The model was saved but could not be activated: %1</source>
            <translation>모델은 저장되었지만 활성화하지 못했습니다: %1</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="437" />
            <source>Training failed.</source>
            <translation>학습에 실패했습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" line="442" />
            <source>Training cancelled; nothing was saved.</source>
            <translation>학습이 취소되었습니다. 저장된 것은 없습니다.</translation>
        </message>
        <message>
            <source>Not validated yet: without NG images the threshold comes from OK images only, and such a threshold can pass many defects (on a real commutator set it missed half of the cracks). Evaluate the model on a labelled folder with NG parts before it judges the line.</source>
            <translation>아직 검증되지 않음: NG 이미지가 없어 임계값이 OK 이미지만으로 정해졌으며, 이런 임계값은 많은 결함을 놓칠 수 있습니다 (실제 정류자 데이터에서는 균열의 절반을 놓쳤습니다). 라인에서 판정하기 전에 NG 부품이 포함된 라벨 폴더로 모델을 평가하세요.</translation>
        </message>
        <message>
            <source>Evaluate next…</source>
            <translation>이어서 평가…</translation>
        </message>
        <message>
            <source>The line is running: tick this to switch it to the new model when training ends (you will be asked to confirm).</source>
            <translation>라인이 가동 중입니다: 학습이 끝나면 새 모델로 전환하려면 체크하세요 (확인을 요청합니다).</translation>
        </message>
        <message>
            <source>Not activated: the line keeps its model.</source>
            <translation>활성화되지 않음: 라인은 현재 모델을 유지합니다.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" />
            <source>Self-check: %1 % of synthetic defects caught at the threshold; about %2 % of good parts expected to be rejected.</source>
            <translation>자체 점검: 임계값에서 합성 결함의 %1 %를 검출, 양품의 약 %2 %가 불량으로 판정될 것으로 예상됩니다.</translation>
        </message>
        <message>
            <location filename="../../ui/train_dialog.py" />
            <source>This model will likely miss small defects on this part: add NG examples or more OK images.</source>
            <translation>이 모델은 이 부품의 작은 결함을 놓칠 가능성이 높습니다: NG 예시나 OK 이미지를 더 추가하세요.</translation>
        </message>
        <message>
            <source>Each part is found, turned to one orientation and framed before it is inspected.</source>
            <translation>각 부품은 검사 전에 위치를 찾고 같은 방향으로 회전한 뒤 프레임에 맞춥니다.</translation>
        </message>
        <message>
            <source>Each part is found, centred and framed before it is inspected.</source>
            <translation>각 부품은 검사 전에 위치를 찾고 가운데에 둔 뒤 프레임에 맞춥니다.</translation>
        </message>
    </context>
    <context>
        <name>AlgorithmRegistry</name>
        <message>
            <source>CS-Flow (cross-scale normalising flow)</source>
            <translation>CS-Flow (교차 스케일 정규화 플로)</translation>
        </message>
        <message>
            <source>Learns from OK images only. A normalising flow trained for this part judges each position at three image scales together; slower to train (minutes) than PatchCore, for surfaces where defects differ from normal variation in texture and context rather than in a single patch.</source>
            <translation>OK 이미지만으로 학습합니다. 이 부품에 맞게 학습된 정규화 플로가 세 가지 이미지 스케일에서 각 위치를 함께 판정합니다. PatchCore보다 학습이 느리며(수 분), 결함이 단일 패치가 아니라 질감과 주변 맥락에서 정상 변동과 다른 표면에 적합합니다.</translation>
        </message>
        <message>
            <source>analysed size of the finest scale: about input_size² pixels (area), the long side (long_side, cap) or both sides (square); the other scales are 1/2 and 1/4</source>
            <translation>가장 세밀한 스케일의 분석 크기: 약 input_size² 픽셀(area), 긴 변(long_side, cap) 또는 양변(square). 다른 스케일은 1/2과 1/4</translation>
        </message>
        <message>
            <source>backbone stage read at each of the three scales</source>
            <translation>세 스케일 각각에서 읽는 백본 단계</translation>
        </message>
        <message>
            <source>coupling blocks of the flow (more = more flexible, slower)</source>
            <translation>플로의 커플링 블록 수 (많을수록 유연하지만 느림)</translation>
        </message>
        <message>
            <source>width of the cross-scale convolutions inside each coupling</source>
            <translation>각 커플링 내부 교차 스케일 합성곱의 너비</translation>
        </message>
        <message>
            <source>soft clamp of the coupling's log-scale (stability)</source>
            <translation>커플링 로그 스케일의 소프트 클램프 (안정성)</translation>
        </message>
        <message>
            <source>Adam learning rate</source>
            <translation>Adam 학습률</translation>
        </message>
        <message>
            <source>feature maps per optimisation step</source>
            <translation>최적화 단계당 특징 맵 수</translation>
        </message>
        <message>
            <source>wall-clock budget for training the flow (s); training stops at this budget or after max_epochs, whichever comes first</source>
            <translation>플로 학습의 실제 시간 예산(초). 이 시간 또는 max_epochs 중 먼저 도달하면 학습을 멈춥니다</translation>
        </message>
        <message>
            <source>upper bound on passes over the training features</source>
            <translation>학습 특징을 반복하는 횟수의 상한</translation>
        </message>
        <message>
            <source>views per OK image (the original plus brightness/contrast-jittered copies); features are computed once per view</source>
            <translation>OK 이미지당 뷰 수 (원본과 밝기·대비를 변화시킨 사본). 특징은 뷰마다 한 번 계산됩니다</translation>
        </message>
        <message>
            <source>OK images held out of training to calibrate</source>
            <translation>보정을 위해 학습에서 제외하는 OK 이미지</translation>
        </message>
        <message>
            <source>random seed (initialisation, permutations, batch order, jitter)</source>
            <translation>난수 시드 (초기화, 순열, 배치 순서, 변화)</translation>
        </message>
        <message>
            <source>PatchCore (memory bank of normal patches)</source>
            <translation>PatchCore (정상 패치의 메모리 뱅크)</translation>
        </message>
        <message>
            <source>Learns from OK images only. Each image patch is compared with the closest normal patch seen in training; tolerant to small shifts, good for textures and for parts that are not aligned.</source>
            <translation>OK 이미지만으로 학습합니다. 이미지의 각 패치를 학습에서 본 가장 가까운 정상 패치와 비교합니다. 작은 위치 어긋남에 강하며 텍스처나 정렬되지 않은 부품에 적합합니다.</translation>
        </message>
        <message>
            <source>ImageNet feature extractor</source>
            <translation>ImageNet 특징 추출기</translation>
        </message>
        <message>
            <source>region of interest: left edge (px of the original image)</source>
            <translation>관심 영역: 왼쪽 가장자리 (원본 이미지 px)</translation>
        </message>
        <message>
            <source>region of interest: top edge (px)</source>
            <translation>관심 영역: 위쪽 가장자리 (px)</translation>
        </message>
        <message>
            <source>region of interest: width (px); 0 = the whole image</source>
            <translation>관심 영역: 너비 (px), 0 = 전체 이미지</translation>
        </message>
        <message>
            <source>region of interest: height (px); 0 = the whole image</source>
            <translation>관심 영역: 높이 (px), 0 = 전체 이미지</translation>
        </message>
        <message>
            <source>analysed size: about input_size² pixels (area), the long side (long_side, cap) or both sides (square)</source>
            <translation>분석 크기: 약 input_size² 픽셀(area), 긴 변(long_side, cap) 또는 양변(square)</translation>
        </message>
        <message>
            <source>area: keep the aspect ratio, scale to about input_size² pixels; square: squash to input_size²; long_side: long side = input_size; cap: keep native scale, shrink only above input_size</source>
            <translation>area: 종횡비를 유지하며 약 input_size² 픽셀로 조정, square: input_size²로 변형, long_side: 긴 변 = input_size, cap: 원래 배율 유지, input_size를 넘을 때만 축소</translation>
        </message>
        <message>
            <source>mirrored border added before the network, cropped after (px, multiple of 8)</source>
            <translation>네트워크 전에 추가하고 후에 잘라내는 미러 테두리 (px, 8의 배수)</translation>
        </message>
        <message>
            <source>backbone stages merged into a patch feature</source>
            <translation>패치 특징으로 합치는 백본 단계</translation>
        </message>
        <message>
            <source>local aggregation window (patches)</source>
            <translation>국소 집계 창 (패치)</translation>
        </message>
        <message>
            <source>contrast normalisation before the network</source>
            <translation>네트워크 전 대비 정규화</translation>
        </message>
        <message>
            <source>fraction of training patches kept in the memory bank</source>
            <translation>메모리 뱅크에 남기는 학습 패치 비율</translation>
        </message>
        <message>
            <source>upper bound on memory-bank size (latency grows with it)</source>
            <translation>메모리 뱅크 크기 상한 (클수록 지연 증가)</translation>
        </message>
        <message>
            <source>divide each patch's distance by the typical OK distance at that place in the image (learned leave-one-out from the OK images): edges and corners that always vary stop dominating the score</source>
            <translation>각 패치의 거리를 이미지 내 그 위치의 일반적인 OK 거리로 나눔 (OK 이미지에서 leave-one-out으로 학습): 항상 변하는 가장자리와 모서리가 점수를 좌우하지 않게 됨</translation>
        </message>
        <message>
            <source>image score: most anomalous patch, or PatchCore reweighting</source>
            <translation>이미지 점수: 가장 이상한 패치 또는 PatchCore 재가중</translation>
        </message>
        <message>
            <source>Gaussian smoothing of the anomaly map (input px)</source>
            <translation>이상 맵의 가우스 평활화 (입력 px)</translation>
        </message>
        <message>
            <source>OK images held out of the bank to calibrate</source>
            <translation>보정을 위해 메모리 뱅크에서 제외하는 OK 이미지</translation>
        </message>
        <message>
            <source>threshold = max held-out OK score × (1 + margin)</source>
            <translation>임계값 = 제외한 OK 이미지의 최대 점수 × (1 + 마진)</translation>
        </message>
        <message>
            <source>random seed (coreset start, projection)</source>
            <translation>난수 시드 (코어셋 시작점, 투영)</translation>
        </message>
        <message>
            <source>target share of good parts judged NG (false rejects); the threshold comes from a tail fitted to the OK scores</source>
            <translation>NG로 판정되는 양품의 목표 비율 (오불량). 임계값은 OK 점수에 맞춘 꼬리 분포로 정해집니다</translation>
        </message>
        <message>
            <source>with NG images: a missed defect costs this many rejected good parts (sets the threshold)</source>
            <translation>NG 이미지가 있을 때: 결함 하나를 놓치는 비용이 양품 몇 개를 불량 처리하는 비용에 해당하는지 (임계값 결정)</translation>
        </message>
        <message>
            <source>with NG images: they may lower the threshold only until this share of good parts is expected to be judged NG</source>
            <translation>NG 이미지가 있을 때: 양품이 이 비율까지 불량으로 판정될 것으로 예상되는 지점까지만 임계값을 낮출 수 있음</translation>
        </message>
        <message>
            <source>with NG images: learn a small defect classifier on the patch features, combined with the anomaly map</source>
            <translation>NG 이미지가 있을 때: 패치 특징으로 작은 결함 분류기를 학습하여 이상 맵과 결합</translation>
        </message>
        <message>
            <source>after training, paste synthetic defects on held-out OK images and report how many the model catches</source>
            <translation>학습 후 제외한 OK 이미지에 합성 결함을 붙여 모델이 몇 개를 검출하는지 보고</translation>
        </message>
        <message>
            <source>image score: most anomalous patch, PatchCore reweighting, or the map divided by its median (max_over_median)</source>
            <translation>이미지 점수: 가장 이상한 패치, PatchCore 재가중 또는 맵을 중앙값으로 나눈 값 (max_over_median)</translation>
        </message>
        <message>
            <source>calibrate OK images that look different (lightings, finishes) apart: up to this many appearance groups, each with its own position profile and score scale, used only when the groups are clearly distinct; 1 = off</source>
            <translation>외관이 다른 OK 이미지(조명, 표면 마감)를 따로 보정: 최대 이 수의 외관 그룹으로 나누고 각 그룹에 위치 프로파일과 점수 척도를 둠. 그룹이 뚜렷이 구분될 때만 사용; 1 = 끔</translation>
        </message>
        <message>
            <source>how distinct appearance groups must be to be calibrated apart (mean silhouette of the grouping, 0-1)</source>
            <translation>외관 그룹을 따로 보정하려면 얼마나 뚜렷이 구분되어야 하는지 (그룹화의 평균 실루엣 계수, 0-1)</translation>
        </message>
        <message>
            <source>OK images held out of the bank (calibration, synthetic self-check)</source>
            <translation>메모리 뱅크에서 제외하는 OK 이미지 (보정, 합성 자체 점검)</translation>
        </message>
        <message>
            <source>with fewer than 6 OK scores: threshold = max OK score × (1 + margin)</source>
            <translation>OK 점수가 6개 미만일 때: 임계값 = OK 최대 점수 × (1 + 마진)</translation>
        </message>
        <message>
            <source>adapt the patch features to this part before building the memory bank, learned from synthetic defects pasted on the OK images: reweight the feature channels (channels) or a full linear projection (linear); none = the plain backbone features</source>
            <translation>메모리 뱅크를 만들기 전에 양품 이미지에 붙인 합성 결함으로 학습해 특징을 이 부품에 맞춤: 특징 채널 재가중 (channels) 또는 전체 선형 투영 (linear). none = 백본 특징 그대로</translation>
        </message>
        <message>
            <source>optimisation steps of the feature adaptor (adapt=channels or linear)</source>
            <translation>특징 어댑터의 최적화 단계 수 (adapt=channels 또는 linear)</translation>
        </message>
        <message>
            <source>wall-clock budget for training the feature adaptor (s); it stops at this budget or after adapt_steps, whichever comes first</source>
            <translation>특징 어댑터 학습 시간 예산 (초). 예산 또는 adapt_steps 중 먼저 도달하는 쪽에서 멈춤</translation>
        </message>
        <message>
            <source>synthetic-defect copies of each OK image the feature adaptor learns from</source>
            <translation>특징 어댑터가 학습에 쓰는 양품 이미지당 합성 결함 사본 수</translation>
        </message>
        <message>
            <source>locate the part before the network (inference.alignment): auto = decided from the OK images at training (stored as one of the others; bundles without it load as none); translate = centre the part and crop the frame to it; rotate = also turn it to its principal axis; none = the image as it is</source>
            <translation>네트워크 전에 부품 위치를 찾습니다(inference.alignment): auto = 학습 시 양품 이미지로 결정(나머지 중 하나로 저장, 이 매개변수가 없는 이전 모델은 none으로 로드); translate = 부품을 가운데에 두고 화면을 부품에 맞게 자름; rotate = 추가로 부품을 주축 방향으로 회전; none = 이미지를 그대로 분석</translation>
        </message>
        <message>
            <source>width of the part's frame when aligning, as a fraction of the image width (fitted at training with align=auto)</source>
            <translation>정렬 시 부품 프레임의 너비, 이미지 너비에 대한 비율(align=auto이면 학습 시 결정)</translation>
        </message>
        <message>
            <source>height of the part's frame when aligning, as a fraction of the image height (fitted at training with align=auto)</source>
            <translation>정렬 시 부품 프레임의 높이, 이미지 높이에 대한 비율(align=auto이면 학습 시 결정)</translation>
        </message>
        <message>
            <source>weight of the long dark-line channels added to each patch feature: thin cracks and scratches that the texture features confuse with the surface; 0 = off (default; 8 = the measured setting)</source>
            <translation>각 패치 특징에 추가하는 긴 어두운 선 채널의 가중치: 텍스처 특징이 표면과 혼동하는 가는 균열과 긁힘; 0 = 끄기(기본값; 8 = 측정된 설정)</translation>
        </message>
        <message>
            <source>the part's strong-line level the line channels are measured in (fitted at training; 0 = fit; bundles without it have no line channels)</source>
            <translation>선 채널의 단위가 되는 부품의 강한 선 수준(학습 시 추정; 0 = 추정; 이 값이 없는 모델 파일에는 선 채널이 없음)</translation>
        </message>
        <message>
            <source>length of the lines the line channels integrate along (px of the analysed image)</source>
            <translation>선 채널이 적분하는 선의 길이(분석 이미지의 픽셀)</translation>
        </message>
    </context>
    <context>
        <name>SettingsValidation</name>
        <message>
            <source>Host must be an IP address or a host name (e.g. 127.0.0.1 or 0.0.0.0).</source>
            <translation>호스트는 IP 주소나 호스트 이름이어야 합니다 (예: 127.0.0.1 또는 0.0.0.0).</translation>
        </message>
        <message>
            <source>Port must be a whole number from 0 to 65535 (got “%1”).</source>
            <translation>포트는 0~65535 사이의 정수여야 합니다 (입력값 “%1”).</translation>
        </message>
        <message>
            <source>An API key needs at least 8 characters and no spaces.</source>
            <translation>API 키는 8자 이상이어야 하며 공백을 포함할 수 없습니다.</translation>
        </message>
        <message>
            <source>%1 must be greater than zero (got %2).</source>
            <translation>%1은(는) 0보다 커야 합니다 (입력값 %2).</translation>
        </message>
        <message>
            <source>%1 must not be negative (got %2).</source>
            <translation>%1은(는) 음수일 수 없습니다 (입력값 %2).</translation>
        </message>
        <message>
            <source>%1 must be one of %2 (got “%3”).</source>
            <translation>%1은(는) %2 중 하나여야 합니다 (입력값 “%3”).</translation>
        </message>
        <message>
            <source>The data folder must be an absolute path.</source>
            <translation>데이터 폴더는 절대 경로여야 합니다.</translation>
        </message>
        <message>
            <source>The data folder path is a file, not a folder.</source>
            <translation>데이터 폴더 경로가 폴더가 아니라 파일입니다.</translation>
        </message>
        <message>
            <source>The Elasticsearch URL must start with http:// or https://.</source>
            <translation>Elasticsearch URL은 http:// 또는 https://로 시작해야 합니다.</translation>
        </message>
        <message>
            <source>The Elasticsearch index must be lowercase letters, digits, '-', '_' or '.'.</source>
            <translation>Elasticsearch 인덱스는 영문 소문자, 숫자, '-', '_', '.'만 사용할 수 있습니다.</translation>
        </message>
        <message>
            <source>CUDA is not available on this PC.</source>
            <translation>이 PC에서는 CUDA를 사용할 수 없습니다.</translation>
        </message>
        <message>
            <source>The heatmap opacity must be between 0 and 1 (got %1).</source>
            <translation>히트맵 불투명도는 0과 1 사이여야 합니다 (입력값 %1).</translation>
        </message>
        <message>
            <source>Define at least one shift.</source>
            <translation>교대를 하나 이상 정의하세요.</translation>
        </message>
        <message>
            <source>Shift %1 has no name.</source>
            <translation>교대 %1에 이름이 없습니다.</translation>
        </message>
        <message>
            <source>Shift name “%1” is used twice.</source>
            <translation>교대 이름 “%1”이(가) 중복됩니다.</translation>
        </message>
        <message>
            <source>Shift “%1”: start “%2” is not a time like 06:00.</source>
            <translation>교대 “%1”: 시작 “%2”은(는) 06:00 같은 시각이 아닙니다.</translation>
        </message>
        <message>
            <source>Two shifts start at the same time.</source>
            <translation>두 교대가 같은 시각에 시작합니다.</translation>
        </message>
        <message>
            <source>The engineer PIN is not a valid PIN hash; set the PIN again.</source>
            <translation>엔지니어 PIN이 올바른 PIN 해시가 아닙니다. PIN을 다시 설정하세요.</translation>
        </message>
    </context>
    <context>
        <name>Insights</name>
        <message>
            <source>Over half the parts now score at or above the threshold, where OK parts scored {reference} of it at calibration (model {model}, since {since}): lighting, focus or the part changed; good parts are being rejected.</source>
            <translation>현재 부품의 절반 이상이 임계값 이상의 점수를 받고 있습니다. 보정 시 OK 부품은 임계값의 {reference}였습니다 (모델 {model}, {since} 이후): 조명, 초점 또는 부품이 바뀌어 양품이 불량 처리되고 있습니다.</translation>
        </message>
        <message>
            <source>From {start} to {end}, {total} parts were inspected: {ng} NG ({rate}).</source>
            <translation>{start}부터 {end}까지 부품 {total}개 검사: NG {ng}개 ({rate}).</translation>
        </message>
        <message>
            <source>No parts were inspected from {start} to {end}.</source>
            <translation>{start}부터 {end}까지 검사된 부품이 없습니다.</translation>
        </message>
        <message>
            <source>No notable change: NG rate, shifts, defect locations and scores look as usual.</source>
            <translation>눈에 띄는 변화 없음: NG율, 교대, 결함 위치, 점수 모두 평소와 같습니다.</translation>
        </message>
        <message>
            <source>{count} findings need attention:</source>
            <translation>주의가 필요한 결과 {count}건:</translation>
        </message>
        <message>
            <source>OK parts now score {median} of the threshold against {reference} at calibration (model {model}, since {since}): lighting, focus or the part changed; the over-detection rate will rise.</source>
            <translation>OK 부품 점수가 현재 임계값의 {median}이며 보정 시에는 {reference}였습니다 (모델 {model}, {since} 이후): 조명, 초점 또는 부품이 바뀌었습니다. 과검출률이 올라갈 것입니다.</translation>
        </message>
        <message>
            <source>OK parts now score {median} of the threshold against {reference} at calibration (model {model}, since {since}): the image may be blurred, darker or the part changed; defects may pass unnoticed.</source>
            <translation>OK 부품 점수가 현재 임계값의 {median}이며 보정 시에는 {reference}였습니다 (모델 {model}, {since} 이후): 이미지가 흐려졌거나 어두워졌거나 부품이 바뀌었을 수 있습니다. 결함을 놓칠 수 있습니다.</translation>
        </message>
        <message>
            <source>Score drift of model {model} from {since} to {until}: OK parts scored up to {median} of the threshold against {reference} at calibration.</source>
            <translation>모델 {model}의 점수 드리프트 ({since}부터 {until}까지): OK 부품 점수가 임계값의 최대 {median}이었고 보정 시에는 {reference}였습니다.</translation>
        </message>
        <message>
            <source>OK parts of model {model} score {median} of the threshold, as at calibration ({reference}).</source>
            <translation>모델 {model}의 OK 부품 점수는 임계값의 {median}으로 보정 시({reference})와 같습니다.</translation>
        </message>
        <message>
            <source>NG rate {rate} against {previous} in the previous period of the same length ({p} on {parts} parts).</source>
            <translation>NG율 {rate}, 같은 길이의 이전 기간은 {previous} (부품 {parts}개, {p}).</translation>
        </message>
        <message>
            <source>NG rate fell to {rate} from {previous} in the previous period of the same length ({p} on {parts} parts).</source>
            <translation>NG율이 같은 길이의 이전 기간 {previous}에서 {rate}(으)로 낮아졌습니다 (부품 {parts}개, {p}).</translation>
        </message>
        <message>
            <source>Shift {worst} NG {worst_rate} vs shift {best} {best_rate}, {p} on {parts} parts.</source>
            <translation>교대 {worst} NG {worst_rate}, 교대 {best}는 {best_rate} (부품 {parts}개, {p}).</translation>
        </message>
        <message>
            <source>Parts inspected around {hour}:00 are NG {rate} of the time against {rest} otherwise ({p}).</source>
            <translation>{hour}:00 무렵 검사한 부품은 {rate}가 NG이고, 그 외 시간에는 {rest}입니다 ({p}).</translation>
        </message>
        <message>
            <source>NG parts concentrate {where} of the part (x {x}, y {y}): {share} of NG parts have a defect there, against {expected} if defects fell anywhere (model {model}).</source>
            <translation>NG 부품은 부품의 {where}에 집중되어 있습니다 (x {x}, y {y}): NG 부품의 {share}가 그곳에 결함이 있으며, 결함이 무작위로 생긴다면 {expected}입니다 (모델 {model}).</translation>
        </message>
        <message>
            <source>Defects are spread over the part: no location stands out (model {model}).</source>
            <translation>결함이 부품 전체에 퍼져 있습니다: 두드러진 위치가 없습니다 (모델 {model}).</translation>
        </message>
        <message>
            <source>{share} of NG parts have {count} defect(s); {multi} have more than one.</source>
            <translation>NG 부품의 {share}는 결함이 {count}개이고, {multi}는 2개 이상입니다.</translation>
        </message>
        <message>
            <source>Most defect regions are {size} ({share} of {regions} regions).</source>
            <translation>결함 영역 대부분이 {size}입니다 ({regions}개 영역 중 {share}).</translation>
        </message>
        <message>
            <source>First-pass yield of part ids {prefix}… is {fpy} against {rest} for the others ({p} on {parts} parts).</source>
            <translation>부품 ID {prefix}…의 직행률은 {fpy}, 나머지는 {rest}입니다 (부품 {parts}개, {p}).</translation>
        </message>
        <message>
            <source>First-pass yield by part id prefix: {table}.</source>
            <translation>부품 ID 접두사별 직행률: {table}.</translation>
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
            <translation>왼쪽 위</translation>
        </message>
        <message>
            <source>at the top</source>
            <translation>위쪽</translation>
        </message>
        <message>
            <source>at the top right</source>
            <translation>오른쪽 위</translation>
        </message>
        <message>
            <source>on the left</source>
            <translation>왼쪽</translation>
        </message>
        <message>
            <source>in the centre</source>
            <translation>가운데</translation>
        </message>
        <message>
            <source>on the right</source>
            <translation>오른쪽</translation>
        </message>
        <message>
            <source>at the bottom left</source>
            <translation>왼쪽 아래</translation>
        </message>
        <message>
            <source>at the bottom</source>
            <translation>아래쪽</translation>
        </message>
        <message>
            <source>at the bottom right</source>
            <translation>오른쪽 아래</translation>
        </message>
        <message>
            <source>tiny (under 16 px)</source>
            <translation>아주 작음 (16 px 미만)</translation>
        </message>
        <message>
            <source>small (16–255 px)</source>
            <translation>작음 (16–255 px)</translation>
        </message>
        <message>
            <source>medium (256–4,095 px)</source>
            <translation>중간 (256–4,095 px)</translation>
        </message>
        <message>
            <source>large (4,096 px or more)</source>
            <translation>큼 (4,096 px 이상)</translation>
        </message>
        <message>
            <source>info</source>
            <translation>정보</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>경고</translation>
        </message>
        <message>
            <source>alert</source>
            <translation>경보</translation>
        </message>
        <message>
            <source>Score drift</source>
            <translation>점수 드리프트</translation>
        </message>
    </context>
    <context>
        <name>DriftBanner</name>
        <message>
            <source>Score drift</source>
            <translation>점수 드리프트</translation>
        </message>
    </context>
    <context>
        <name>InsightsPanel</name>
        <message>
            <source>Export</source>
            <translation>내보내기</translation>
        </message>
        <message>
            <source>Insights</source>
            <translation>인사이트</translation>
        </message>
        <message>
            <source>No NG parts with defect regions in this period</source>
            <translation>이 기간에 결함 영역이 있는 NG 부품이 없습니다</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 이미지 (*.png)</translation>
        </message>
        <message>
            <source>Save location map</source>
            <translation>위치 맵 저장</translation>
        </message>
        <message>
            <source>Save map as PNG…</source>
            <translation>맵을 PNG로 저장…</translation>
        </message>
        <message>
            <source>Where defects sit (NG parts)</source>
            <translation>결함 위치 (NG 부품)</translation>
        </message>
        <message>
            <source>{0}. centre x {1:.2f}, y {2:.2f}: {3:.1f} % of NG parts</source>
            <translation>{0}. 중심 x {1:.2f}, y {2:.2f}: NG 부품의 {3:.1f} %</translation>
        </message>
    </context>
    <context>
        <name>SimilarDialog</name>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Similar inspections to #%1</source>
            <translation>#%1과(와) 유사한 검사</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>All</source>
            <translation>전체</translation>
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
            <translation>표시</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Verdict</source>
            <translation>판정</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Searching…</source>
            <translation>검색 중…</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>%1 similar inspections, best first</source>
            <translation>유사한 검사 %1건 (유사도 순)</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Search failed: %1</source>
            <translation>검색 실패: %1</translation>
        </message>
    </context>
    <context>
        <name>VideoAnalysisDialog</name>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Analyse video file</source>
            <translation>동영상 파일 분석</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Video file</source>
            <translation>동영상 파일</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Browse…</source>
            <translation>찾아보기…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>One frame is judged every interval of video time</source>
            <translation>동영상 시간 간격마다 1프레임 판정</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>NG parts are counted per bucket of video time</source>
            <translation>NG 부품을 동영상 시간 구간별로 집계</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Record frames in the history</source>
            <translation>프레임을 이력에 기록</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Analyse</source>
            <translation>분석</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>NG parts</source>
            <translation>NG 부품</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>minute of video</source>
            <translation>동영상 분</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Open processed video</source>
            <translation>처리된 동영상 열기</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Export CSV…</source>
            <translation>CSV 내보내기…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>File</source>
            <translation>파일</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Interval</source>
            <translation>간격</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Bucket</source>
            <translation>구간</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>NG frames (click to see)</source>
            <translation>NG 프레임 (클릭하여 보기)</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Videos (%1)</source>
            <translation>동영상 (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Choose an existing video file first.</source>
            <translation>먼저 존재하는 동영상 파일을 선택하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>No model loaded: train or open a model first.</source>
            <translation>불러온 모델이 없습니다: 먼저 모델을 학습하거나 여세요.</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Analysing %1…</source>
            <translation>%1 분석 중…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Cancelling: frames already queued are finished…</source>
            <translation>취소 중: 이미 대기열에 있는 프레임은 처리를 마칩니다…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>%1 of %2 frames judged</source>
            <translation>%2프레임 중 %1프레임 판정</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>The video cannot be analysed: %1</source>
            <translation>동영상을 분석할 수 없습니다: %1</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Cancelled: %1 frames were judged and recorded.</source>
            <translation>취소됨: %1프레임을 판정하고 기록했습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>%1 frames judged, %2 NG; %3 recorded.</source>
            <translation>%1프레임 판정, NG %2, 기록 %3.</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>frame not readable</source>
            <translation>프레임을 읽을 수 없음</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Export CSV</source>
            <translation>CSV 내보내기</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Cannot write %1: %2</source>
            <translation>%1에 쓸 수 없습니다: %2</translation>
        </message>
        <message>
            <source>%1   score %2×   %3 defect(s)</source>
            <translation>%1   점수 %2×   결함 %3개</translation>
        </message>
    </context>
    <context>
        <name>_AnalyseButton</name>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Analyse file…</source>
            <translation>파일 분석…</translation>
        </message>
        <message>
            <location filename="../../ui/video_analysis_dialog.py" line="1" />
            <source>Judge one frame every interval of the video; NG per minute, NG frames, annotated video, CSV</source>
            <translation>동영상 간격마다 1프레임 판정: 분당 NG, NG 프레임, 주석 동영상, CSV</translation>
        </message>
    </context>
    <context>
        <name>_HeldPartSimilarButton</name>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Find similar</source>
            <translation>유사 항목 찾기</translation>
        </message>
        <message>
            <location filename="../../ui/similar_dialog.py" line="1" />
            <source>Earlier parts with a defect like the held one</source>
            <translation>표시 중인 부품과 비슷한 결함이 있는 이전 부품</translation>
        </message>
    </context>
    <context>
        <name>TrainingSetPanel</name>
        <message>
            <location filename="../../ui/training_set_panel.py" line="88" />
            <source>Training set</source>
            <translation>학습 세트</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="98" />
            <source>Remove</source>
            <translation>제거</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="99" />
            <source>Remove the selected images from the training set</source>
            <translation>선택한 이미지를 학습 세트에서 제거</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="1" />
            <source>Retrain</source>
            <translation>재학습</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="102" />
            <source>Train a new model version from this training set in the background; the running model is not replaced</source>
            <translation>이 학습 세트로 새 모델 버전을 백그라운드에서 학습합니다. 실행 중인 모델은 교체되지 않습니다</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="135" />
            <source>The training set is not available: %1</source>
            <translation>학습 세트를 사용할 수 없습니다: %1</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="143" />
            <source>Cannot read the training set: %1</source>
            <translation>학습 세트를 읽을 수 없습니다: %1</translation>
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
            <translation>대상 %1: 이미지 %2장 (OK %3장, NG %4장)</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="181" />
            <source>Not removed: %1</source>
            <translation>제거되지 않음: %1</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="5" />
            <source>model</source>
            <translation>모델</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="196" />
            <source>Retrain not started: %1</source>
            <translation>재학습이 시작되지 않음: %1</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="203" />
            <source>Training %1…</source>
            <translation>%1 학습 중…</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="222" />
            <source>New model %1 is in the library. It is not active yet.</source>
            <translation>새 모델 %1이(가) 라이브러리에 있습니다. 아직 활성화되지 않았습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="224" />
            <source>Activate new model</source>
            <translation>새 모델 활성화</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="228" />
            <source>Retrain cancelled.</source>
            <translation>재학습이 취소되었습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/training_set_panel.py" line="230" />
            <source>Retrain failed: %1</source>
            <translation>재학습 실패: %1</translation>
        </message>
    </context>
    <context>
        <name>HistoryTrainingAction</name>
        <message>
            <location filename="../../ui/history_training.py" line="1" />
            <source>Add to training set</source>
            <translation>학습 세트에 추가</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="30" />
            <source>Copy the selected records' images into the training set of the current inspection target</source>
            <translation>선택한 기록의 이미지를 현재 검사 대상의 학습 세트에 복사</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="33" />
            <source>As reviewed (final verdict)</source>
            <translation>검토 결과대로 (최종 판정)</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="34" />
            <source>As OK</source>
            <translation>OK로</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="35" />
            <source>As NG (for calibration)</source>
            <translation>NG로 (보정용)</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="64" />
            <source>Not added: %1</source>
            <translation>추가되지 않음: %1</translation>
        </message>
        <message>
            <location filename="../../ui/history_training.py" line="70" />
            <source>%1 added to the training set</source>
            <translation>%1을(를) 학습 세트에 추가했습니다</translation>
        </message>
    </context>
    <context>
        <name>ChangeoverPrompt</name>
        <message>
            <source>Activate a different model</source>
            <translation>다른 모델 활성화</translation>
        </message>
        <message>
            <source>Apply new prediction parameters</source>
            <translation>새 예측 파라미터 적용</translation>
        </message>
        <message>
            <source>Make the trained model active</source>
            <translation>학습한 모델 활성화</translation>
        </message>
        <message>
            <source>The line is running. From the next part on, parts will be judged by

    %2

instead of

    %1

Change over now?</source>
            <translation>라인이 가동 중입니다. 다음 부품부터

    %1

대신

    %2

(으)로 판정합니다. 지금 전환할까요?</translation>
        </message>
    </context>
    <context>
        <name>PartView</name>
        <message>
            <source>Heatmap</source>
            <translation>히트맵</translation>
        </message>
        <message>
            <source>Show the anomaly heatmap (H)</source>
            <translation>이상 히트맵 표시 (H)</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>불투명도</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>맞춤</translation>
        </message>
        <message>
            <source>Fit the image to the view (F, or double-click)</source>
            <translation>이미지를 화면에 맞추기 (F 또는 더블클릭)</translation>
        </message>
        <message>
            <source>Back to live</source>
            <translation>라이브로 돌아가기</translation>
        </message>
        <message>
            <source>Choose a source and press Start,
or post images to the endpoint.</source>
            <translation>소스를 선택하고 시작을 누르거나
엔드포인트로 이미지를 전송하세요.</translation>
        </message>
        <message>
            <source>NG part held: </source>
            <translation>NG 부품 표시 중: </translation>
        </message>
    </context>
    <context>
        <name>ShiftTracker</name>
        <message>
            <source>Shift %1 started: counters restarted.</source>
            <translation>교대 %1 시작: 카운터를 다시 시작했습니다.</translation>
        </message>
        <message>
            <source>Shift %1 · counting since %2</source>
            <translation>교대 %1 · %2부터 집계</translation>
        </message>
        <message>
            <source>Counting since %1</source>
            <translation>%1부터 집계</translation>
        </message>
    </context>
    <context>
        <name>SourceBar</name>
        <message>
            <source>Source:</source>
            <translation>소스:</translation>
        </message>
        <message>
            <source>Image folder</source>
            <translation>이미지 폴더</translation>
        </message>
        <message>
            <source>Video file</source>
            <translation>동영상 파일</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>카메라</translation>
        </message>
        <message>
            <source>Folder of part images</source>
            <translation>부품 이미지 폴더</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>찾아보기…</translation>
        </message>
        <message>
            <source>every</source>
            <translation>간격</translation>
        </message>
        <message>
            <source>Time between two parts; 0 = as fast as inference allows</source>
            <translation>부품 사이 시간. 0 = 추론이 허용하는 최대 속도</translation>
        </message>
        <message>
            <source>Shuffle</source>
            <translation>무작위</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>반복</translation>
        </message>
        <message>
            <source>Subfolders</source>
            <translation>하위 폴더</translation>
        </message>
        <message>
            <source>As fast as inference allows</source>
            <translation>추론 최대 속도</translation>
        </message>
        <message>
            <source>Index</source>
            <translation>번호</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>해상도</translation>
        </message>
        <message>
            <source>Driver default</source>
            <translation>드라이버 기본값</translation>
        </message>
        <message>
            <source>Exposure</source>
            <translation>노출</translation>
        </message>
        <message>
            <source>auto</source>
            <translation>자동</translation>
        </message>
        <message>
            <source>Gain</source>
            <translation>게인</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>시작</translation>
        </message>
        <message>
            <source>Start the source (Space)</source>
            <translation>소스 시작 (Space)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>정지</translation>
        </message>
        <message>
            <source>Stop the source (Space)</source>
            <translation>소스 정지 (Space)</translation>
        </message>
        <message>
            <source>Trigger</source>
            <translation>트리거</translation>
        </message>
        <message>
            <source>Inspect one frame (T)</source>
            <translation>1프레임 검사 (T)</translation>
        </message>
        <message>
            <source>Choose a folder of images first.</source>
            <translation>먼저 이미지 폴더를 선택하세요.</translation>
        </message>
        <message>
            <source>The folder does not exist: %1</source>
            <translation>폴더가 없습니다: %1</translation>
        </message>
        <message>
            <source>Choose a video file first.</source>
            <translation>먼저 동영상 파일을 선택하세요.</translation>
        </message>
        <message>
            <source>The video file does not exist: %1</source>
            <translation>동영상 파일이 없습니다: %1</translation>
        </message>
        <message>
            <source>Videos (*.avi *.mp4 *.mkv *.mov *.wmv);;All files (*)</source>
            <translation>동영상 (*.avi *.mp4 *.mkv *.mov *.wmv);;모든 파일 (*)</translation>
        </message>
    </context>
    <context>
        <name>VerdictPanel</name>
        <message>
            <source>Product / model</source>
            <translation>품종 / 모델</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>임계값</translation>
        </message>
        <message>
            <source>Waiting for parts</source>
            <translation>부품 대기 중</translation>
        </message>
        <message>
            <source>Image threshold in the model's raw score units; the score bar shows scores as multiples of it (1.0 = threshold).</source>
            <translation>모델 원점수 단위의 이미지 임계값. 점수 막대는 점수를 그 배수로 표시합니다 (1.0 = 임계값).</translation>
        </message>
        <message>
            <source>Not validated: threshold set from OK images only</source>
            <translation>미검증: 임계값이 OK 이미지만으로 설정됨</translation>
        </message>
        <message>
            <source>Evaluate the model on a labelled folder, or calibrate it with NG images, before trusting its verdicts on the line.</source>
            <translation>라인에서 판정을 신뢰하기 전에 라벨 폴더로 모델을 평가하거나 NG 이미지로 보정하세요.</translation>
        </message>
        <message>
            <source>Processing %1 ms · %2 parts/s · %3 frames dropped · queue %4/%5</source>
            <translation>처리 %1 ms · %2개/초 · 드롭 프레임 %3 · 대기열 %4/%5</translation>
        </message>
        <message>
            <source>Camera lost: reconnecting…</source>
            <translation>카메라 연결 끊김: 재연결 중…</translation>
        </message>
        <message>
            <source>The camera driver ignores: %1</source>
            <translation>카메라 드라이버가 무시한 설정: %1</translation>
        </message>
        <message>
            <source>Reviewing part %1 — Esc for live</source>
            <translation>부품 %1 검토 중 — Esc: 라이브</translation>
        </message>
        <message>
            <source>(live in %1 s)</source>
            <translation>(%1초 후 라이브)</translation>
        </message>
        <message>
            <source>REVIEWING</source>
            <translation>검토 중</translation>
        </message>
        <message>
            <source>STOPPED</source>
            <translation>정지</translation>
        </message>
        <message>
            <source>Press Start (Space), or post images to the endpoint</source>
            <translation>시작(Space) 또는 엔드포인트로 이미지 전송</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>소스: %1</translation>
        </message>
        <message>
            <source>Reconnecting in %1 s</source>
            <translation>%1초 후 재연결</translation>
        </message>
        <message>
            <source>SOURCE LOST</source>
            <translation>소스 끊김</translation>
        </message>
        <message>
            <source>NO MODEL</source>
            <translation>모델 없음</translation>
        </message>
        <message>
            <source>Train or open a model first</source>
            <translation>먼저 모델을 학습하거나 여세요</translation>
        </message>
        <message>
            <source>CHANGEOVER</source>
            <translation>모델 전환</translation>
        </message>
        <message>
            <source>Switching model: %1</source>
            <translation>모델 전환 중: %1</translation>
        </message>
        <message>
            <source>camera lost</source>
            <translation>카메라 연결 끊김</translation>
        </message>
        <message>
            <source>no images in %1</source>
            <translation>%1에 이미지가 없습니다</translation>
        </message>
        <message>
            <source>not a folder: %1</source>
            <translation>폴더가 아닙니다: %1</translation>
        </message>
        <message>
            <source>video file not found: %1</source>
            <translation>동영상 파일을 찾을 수 없습니다: %1</translation>
        </message>
        <message>
            <source>cannot open video %1</source>
            <translation>동영상 %1을(를) 열 수 없습니다</translation>
        </message>
        <message>
            <source>camera %1 is not available (not connected or in use)</source>
            <translation>카메라 %1을(를) 사용할 수 없습니다 (연결되지 않았거나 사용 중)</translation>
        </message>
        <message>
            <source>none of the images in %1 can be read</source>
            <translation>%1의 이미지를 하나도 읽을 수 없습니다</translation>
        </message>
        <message>
            <source>cannot open video %1: unknown format or codec</source>
            <translation>동영상 %1을(를) 열 수 없습니다: 알 수 없는 형식 또는 코덱</translation>
        </message>
        <message>
            <source>%1 is not a readable image</source>
            <translation>%1은(는) 읽을 수 있는 이미지가 아닙니다</translation>
        </message>
        <message>
            <source>cannot read %1</source>
            <translation>%1을(를) 읽을 수 없습니다</translation>
        </message>
    </context>
    <context>
        <name>AuditView</name>
        <message>
            <source>All actions</source>
            <translation>모든 작업</translation>
        </message>
        <message>
            <source>Models</source>
            <translation>모델</translation>
        </message>
        <message>
            <source>Thresholds</source>
            <translation>임계값</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>설정</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>권한</translation>
        </message>
        <message>
            <source>Counters</source>
            <translation>카운터</translation>
        </message>
        <message>
            <source>Reviews</source>
            <translation>검토</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>소스</translation>
        </message>
        <message>
            <source>Endpoint key</source>
            <translation>엔드포인트 키</translation>
        </message>
        <message>
            <source>Dates (UTC)</source>
            <translation>날짜 (UTC)</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>새로 고침</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>CSV 내보내기…</translation>
        </message>
        <message>
            <source>When (UTC)</source>
            <translation>일시 (UTC)</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>사용자</translation>
        </message>
        <message>
            <source>What</source>
            <translation>작업</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>상세</translation>
        </message>
        <message>
            <source>No history database.</source>
            <translation>이력 데이터베이스가 없습니다.</translation>
        </message>
        <message>
            <source>%1 entries</source>
            <translation>%1건</translation>
        </message>
        <message>
            <source>newest %1 of %2 entries</source>
            <translation>전체 %2건 중 최신 %1건</translation>
        </message>
        <message>
            <source>model activated</source>
            <translation>모델 활성화</translation>
        </message>
        <message>
            <source>model trained</source>
            <translation>모델 학습</translation>
        </message>
        <message>
            <source>model imported</source>
            <translation>모델 가져오기</translation>
        </message>
        <message>
            <source>model deleted</source>
            <translation>모델 삭제</translation>
        </message>
        <message>
            <source>model renamed</source>
            <translation>모델 이름 변경</translation>
        </message>
        <message>
            <source>parameters changed</source>
            <translation>파라미터 변경</translation>
        </message>
        <message>
            <source>threshold applied</source>
            <translation>임계값 적용</translation>
        </message>
        <message>
            <source>settings saved</source>
            <translation>설정 저장</translation>
        </message>
        <message>
            <source>endpoint key changed</source>
            <translation>엔드포인트 키 변경</translation>
        </message>
        <message>
            <source>PIN changed</source>
            <translation>PIN 변경</translation>
        </message>
        <message>
            <source>engineer unlocked</source>
            <translation>엔지니어 잠금 해제</translation>
        </message>
        <message>
            <source>back to operator</source>
            <translation>작업자로 복귀</translation>
        </message>
        <message>
            <source>counters reset</source>
            <translation>카운터 초기화</translation>
        </message>
        <message>
            <source>review given</source>
            <translation>검토 완료</translation>
        </message>
        <message>
            <source>source started</source>
            <translation>소스 시작</translation>
        </message>
        <message>
            <source>source stopped</source>
            <translation>소스 정지</translation>
        </message>
        <message>
            <source>source lost</source>
            <translation>소스 끊김</translation>
        </message>
        <message>
            <source>Export the audit trail</source>
            <translation>감사 로그 내보내기</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>%1 entries written to %2</source>
            <translation>%1건을 %2에 저장했습니다</translation>
        </message>
        <message>
            <source>Export failed: %1</source>
            <translation>내보내기 실패: %1</translation>
        </message>
    </context>
    <context>
        <name>NewPinDialog</name>
        <message>
            <source>Set the engineer PIN</source>
            <translation>엔지니어 PIN 설정</translation>
        </message>
        <message>
            <source>New PIN:</source>
            <translation>새 PIN:</translation>
        </message>
        <message>
            <source>Again:</source>
            <translation>다시 입력:</translation>
        </message>
        <message>
            <source>4 to 32 digits or letters. It is stored only as a salted hash.</source>
            <translation>4~32자의 숫자 또는 문자. 솔트가 적용된 해시로만 저장됩니다.</translation>
        </message>
        <message>
            <source>The two PINs differ.</source>
            <translation>두 PIN이 일치하지 않습니다.</translation>
        </message>
        <message>
            <source>The PIN needs 4 to 32 digits or letters.</source>
            <translation>PIN은 4~32자의 숫자 또는 문자여야 합니다.</translation>
        </message>
    </context>
    <context>
        <name>PinDialog</name>
        <message>
            <source>Engineer PIN</source>
            <translation>엔지니어 PIN</translation>
        </message>
        <message>
            <source>“%1” is an engineer action. Enter the engineer PIN:</source>
            <translation>“%1”은(는) 엔지니어 작업입니다. 엔지니어 PIN을 입력하세요:</translation>
        </message>
        <message>
            <source>Wrong PIN.</source>
            <translation>PIN이 틀렸습니다.</translation>
        </message>
    </context>
    <context>
        <name>RoleIndicator</name>
        <message>
            <source>Lock</source>
            <translation>잠금</translation>
        </message>
        <message>
            <source>Back to operator now</source>
            <translation>지금 작업자로 복귀</translation>
        </message>
        <message>
            <source>Engineer</source>
            <translation>엔지니어</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>작업자</translation>
        </message>
        <message>
            <source>No engineer PIN set: everyone may change models and settings (Settings → Roles)</source>
            <translation>엔지니어 PIN이 설정되지 않음: 누구나 모델과 설정을 변경할 수 있습니다 (설정 → 권한)</translation>
        </message>
    </context>
    <context>
        <name>RolesBox</name>
        <message>
            <source>Roles</source>
            <translation>권한</translation>
        </message>
        <message>
            <source>Set PIN…</source>
            <translation>PIN 설정…</translation>
        </message>
        <message>
            <source>Remove PIN</source>
            <translation>PIN 삭제</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 분</translation>
        </message>
        <message>
            <source>Back to operator after:</source>
            <translation>작업자 복귀 시간:</translation>
        </message>
        <message>
            <source>An engineer PIN is set: operators see Live and History; models, settings, thresholds and resets ask for it.</source>
            <translation>엔지니어 PIN이 설정됨: 작업자는 라이브와 이력을 볼 수 있고, 모델·설정·임계값·초기화에는 PIN이 필요합니다.</translation>
        </message>
        <message>
            <source>No engineer PIN: everyone may change models and settings.</source>
            <translation>엔지니어 PIN 없음: 누구나 모델과 설정을 변경할 수 있습니다.</translation>
        </message>
        <message>
            <source>PIN set.</source>
            <translation>PIN이 설정되었습니다.</translation>
        </message>
        <message>
            <source>PIN removed.</source>
            <translation>PIN이 삭제되었습니다.</translation>
        </message>
    </context>
    <context>
        <name>ModelActions</name>
        <message>
            <location filename="../../ui/model_actions.py" line="65" />
            <source>Saved %1.</source>
            <translation>%1 저장됨.</translation>
        </message>
        <message>
            <source>Not activated: the line keeps its model.</source>
            <translation>활성화되지 않음: 라인은 현재 모델을 유지합니다.</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="88" />
            <source>Loading %1…</source>
            <translation>%1 불러오는 중…</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="102" />
            <source>Settings not saved</source>
            <translation>설정이 저장되지 않았습니다</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="103" />
            <source>Active model: %1</source>
            <translation>활성 모델: %1</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="111" />
            <source>Model not activated</source>
            <translation>모델이 활성화되지 않았습니다</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="118" />
            <source>Rename model</source>
            <translation>모델 이름 변경</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="118" />
            <source>New name:</source>
            <translation>새 이름:</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="129" />
            <location filename="../../ui/model_actions.py" line="129" />
            <location filename="../../ui/model_actions.py" line="129" />
            <source>Rename failed</source>
            <translation>이름 변경 실패</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="137" />
            <location filename="../../ui/model_actions.py" line="137" />
            <source>Cannot delete</source>
            <translation>삭제할 수 없습니다</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="138" />
            <source>This is the active model. Activate another model before deleting it.</source>
            <translation>현재 활성 모델입니다. 삭제하기 전에 다른 모델을 활성화하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="142" />
            <source>Delete model</source>
            <translation>모델 삭제</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="143" />
            <source>Delete the model “%1” (%2)? This cannot be undone.</source>
            <translation>모델 “%1”(%2)을(를) 삭제할까요? 되돌릴 수 없습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="157" />
            <source>Deleted %1.</source>
            <translation>%1 삭제됨.</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="166" />
            <source>Export model</source>
            <translation>모델 내보내기</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="167" />
            <source>QC Station models (*.qcs)</source>
            <translation>QC Station 모델 (*.qcs)</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="176" />
            <source>Exported to %1.</source>
            <translation>%1(으)로 내보냈습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="177" />
            <source>Export failed</source>
            <translation>내보내기 실패</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="180" />
            <source>Import model</source>
            <translation>모델 가져오기</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="181" />
            <source>QC Station models (*.qcs);;All files (*)</source>
            <translation>QC Station 모델 (*.qcs);;모든 파일 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="190" />
            <source>Checking %1…</source>
            <translation>%1 확인 중…</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="195" />
            <source>Imported “%1” as %2.</source>
            <translation>“%1”을(를) %2(으)로 가져왔습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="202" />
            <source>Import failed</source>
            <translation>가져오기 실패</translation>
        </message>
        <message>
            <location filename="../../ui/model_actions.py" line="203" />
            <source>%1 was not imported:
%2</source>
            <translation>%1을(를) 가져오지 못했습니다:
%2</translation>
        </message>
    </context>
    <context>
        <name>ModelLibraryPanel</name>
        <message>
            <location filename="../../ui/model_library_panel.py" line="45" />
            <source>Model library</source>
            <translation>모델 라이브러리</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>Name</source>
            <translation>이름</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>Created</source>
            <translation>생성 일시</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>Algorithm</source>
            <translation>알고리즘</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>OK imgs</source>
            <translation>OK 이미지</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="51" />
            <source>NG imgs</source>
            <translation>NG 이미지</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>Training</source>
            <translation>학습</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>Threshold</source>
            <translation>임계값</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>Precision</source>
            <translation>정밀도</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>Recall</source>
            <translation>재현율</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="52" />
            <source>File</source>
            <translation>파일</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="64" />
            <source>Train new model…</source>
            <translation>새 모델 학습…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="65" />
            <source>Activate</source>
            <translation>활성화</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="66" />
            <source>Rename…</source>
            <translation>이름 변경…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="67" />
            <source>Delete…</source>
            <translation>삭제…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="68" />
            <source>Export…</source>
            <translation>내보내기…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="69" />
            <source>Import…</source>
            <translation>가져오기…</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="70" />
            <source>Refresh</source>
            <translation>새로 고침</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="102" />
            <source>Cannot read the models folder: %1</source>
            <translation>모델 폴더를 읽을 수 없습니다: %1</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="122" />
            <source>No models in %1 yet: train one or import a .qcs file.</source>
            <translation>%1에 아직 모델이 없습니다: 모델을 학습하거나 .qcs 파일을 가져오세요.</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="128" />
            <source>(unreadable)</source>
            <translation>(읽을 수 없음)</translation>
        </message>
        <message>
            <source>not validated</source>
            <translation>미검증</translation>
        </message>
        <message>
            <source>Not validated: its threshold comes from OK images only and may pass defects. Evaluate it on a labelled folder (Evaluate page) or retrain with NG images.</source>
            <translation>미검증: 임계값이 OK 이미지만으로 정해져 결함을 놓칠 수 있습니다. 라벨 폴더로 평가(평가 화면)하거나 NG 이미지를 포함해 다시 학습하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="149" />
            <source>Active model</source>
            <translation>활성 모델</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="157" />
            <source>Backbone: %1, input %2 px</source>
            <translation>백본: %1, 입력 %2 px</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="158" />
            <source>Pixel threshold: %1</source>
            <translation>픽셀 임계값: %1</translation>
        </message>
        <message>
            <location filename="../../ui/model_library_panel.py" line="159" />
            <source>Min. defect area: %1 px, ignore border: %2 px</source>
            <translation>최소 결함 면적: %1 px, 테두리 무시: %2 px</translation>
        </message>
    </context>
    <context>
        <name>ModelParamsPanel</name>
        <message>
            <location filename="../../ui/model_params_panel.py" line="50" />
            <source>Prediction parameters of the active model</source>
            <translation>활성 모델의 예측 파라미터</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="74" />
            <source>Image score above this is NG (raw score units).</source>
            <translation>이미지 점수가 이 값을 넘으면 NG (원점수 단위).</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="78" />
            <source>From 0.2× to 3× the model's saved threshold.</source>
            <translation>모델에 저장된 임계값의 0.2배부터 3배까지.</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="84" />
            <source>Pixels above this form defect regions (boxes).</source>
            <translation>이 값을 넘는 픽셀이 결함 영역(박스)이 됩니다.</translation>
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
            <translation>이보다 작은 결함 영역은 무시됩니다.</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="93" />
            <source>A band along the image border that is not inspected.</source>
            <translation>검사하지 않는 이미지 가장자리 띠.</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="101" />
            <source>Threshold:</source>
            <translation>임계값:</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="102" />
            <source>Pixel threshold:</source>
            <translation>픽셀 임계값:</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="103" />
            <source>Min. defect area:</source>
            <translation>최소 결함 면적:</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="104" />
            <source>Ignore border:</source>
            <translation>테두리 무시:</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="106" />
            <source>Apply</source>
            <translation>적용</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="107" />
            <source>Revert</source>
            <translation>되돌리기</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="112" />
            <source>Use last inspected image</source>
            <translation>마지막 검사 이미지 사용</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="113" />
            <source>Open image…</source>
            <translation>이미지 열기…</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="134" />
            <source>No image yet: inspect a part on the Live page or open an image.</source>
            <translation>아직 이미지가 없습니다: 라이브 화면에서 부품을 검사하거나 이미지를 여세요.</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="192" />
            <source>Prediction parameters (no active model)</source>
            <translation>예측 파라미터 (활성 모델 없음)</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="193" />
            <source>Activate a model to tune its parameters.</source>
            <translation>파라미터를 조정하려면 모델을 활성화하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="196" />
            <source>Prediction parameters of “%1”</source>
            <translation>“%1”의 예측 파라미터</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="214" />
            <source>Not applied yet: the preview uses these values.</source>
            <translation>아직 적용되지 않음: 미리보기는 이 값을 사용합니다.</translation>
        </message>
        <message>
            <source>%1 with threshold %2</source>
            <translation>%1 (임계값 %2)</translation>
        </message>
        <message>
            <source>Not applied: the line keeps the current parameters.</source>
            <translation>적용되지 않음: 라인은 현재 파라미터를 유지합니다.</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="239" />
            <source>Parameters not applied</source>
            <translation>파라미터가 적용되지 않았습니다</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="241" />
            <source>Applied and saved with the model.</source>
            <translation>적용되어 모델과 함께 저장되었습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="258" />
            <source>Open an image</source>
            <translation>이미지 열기</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="259" />
            <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
            <translation>이미지 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="267" />
            <source>Cannot open the image</source>
            <translation>이미지를 열 수 없습니다</translation>
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
            <translation>%1 · 점수 %2 / 임계값 %3 · 결함 영역 %4개</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="320" />
            <source>image</source>
            <translation>이미지</translation>
        </message>
        <message>
            <location filename="../../ui/model_params_panel.py" line="331" />
            <source>Preview failed: %1</source>
            <translation>미리보기 실패: %1</translation>
        </message>
    </context>
    <context>
        <name>EvalTablePanel</name>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="57" />
            <location filename="../../ui/evaluate_browser.py" line="57" />
            <source>▶ Play shuffled</source>
            <translation>▶ 무작위 재생</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="65" />
            <source>Export CSV…</source>
            <translation>CSV 내보내기…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="66" />
            <source>Export figures…</source>
            <translation>그래프 내보내기…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="67" />
            <source>Errors only</source>
            <translation>오판정만</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="68" />
            <source>Show only missed defects and over-detections at this threshold</source>
            <translation>이 임계값에서의 미검출과 과검출만 표시</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="111" />
            <source>true</source>
            <translation>실제</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="111" />
            <source>judged</source>
            <translation>판정</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="111" />
            <source>score</source>
            <translation>점수</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="122" />
            <source>■ Stop</source>
            <translation>■ 정지</translation>
        </message>
    </context>
    <context>
        <name>EvaluateRunBar</name>
        <message>
            <location filename="../../ui/evaluate_run.py" line="43" />
            <source>labelled folder: MVTec category (test/…) or OK/ + NG/</source>
            <translation>라벨 폴더: MVTec 카테고리(test/…) 또는 OK/ + NG/</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="44" />
            <location filename="../../ui/evaluate_run.py" line="44" />
            <source>Browse…</source>
            <translation>찾아보기…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="47" />
            <source>Active model</source>
            <translation>활성 모델</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="48" />
            <source>Model file…</source>
            <translation>모델 파일…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="50" />
            <source>model file (.qcs)</source>
            <translation>모델 파일 (.qcs)</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="53" />
            <location filename="../../ui/evaluate_run.py" line="53" />
            <source>Evaluate</source>
            <translation>평가</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="55" />
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="69" />
            <source>Dataset</source>
            <translation>데이터셋</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="72" />
            <source>Model</source>
            <translation>모델</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="86" />
            <source>Labelled folder</source>
            <translation>라벨 폴더</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="91" />
            <source>Model file</source>
            <translation>모델 파일</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="92" />
            <source>QC Station models (*.qcs)</source>
            <translation>QC Station 모델 (*.qcs)</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="111" />
            <source>Choose a labelled folder that exists.</source>
            <translation>존재하는 라벨 폴더를 선택하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="116" />
            <source>Choose a model file (.qcs) that exists.</source>
            <translation>존재하는 모델 파일(.qcs)을 선택하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="119" />
            <source>No active model: load or train one, or choose a model file.</source>
            <translation>활성 모델이 없습니다: 모델을 불러오거나 학습하거나 모델 파일을 선택하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="148" />
            <source>starting…</source>
            <translation>시작 중…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="156" />
            <source>Cancelling…</source>
            <translation>취소 중…</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="162" />
            <source>indexing the folder</source>
            <translation>폴더 색인 중</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="162" />
            <source>loading the model</source>
            <translation>모델 불러오는 중</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="163" />
            <source>evaluating</source>
            <translation>평가 중</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="172" />
            <source>failed</source>
            <translation>실패</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="176" />
            <source>cancelled</source>
            <translation>취소됨</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="177" />
            <source>Evaluation cancelled; the previous results stay.</source>
            <translation>평가가 취소되었습니다. 이전 결과는 유지됩니다.</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_run.py" line="184" />
            <source>done</source>
            <translation>완료</translation>
        </message>
    </context>
    <context>
        <name>MetricsPanel</name>
        <message>
            <location filename="../../ui/evaluate_results.py" line="44" />
            <source>Results</source>
            <translation>결과</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="53" />
            <source>Miss rate</source>
            <translation>미검출률</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="54" />
            <source>Over-detection rate</source>
            <translation>과검출률</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="55" />
            <source>Share of true NG images judged OK</source>
            <translation>실제 NG 이미지 중 OK로 판정된 비율</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="56" />
            <source>Share of true OK images judged NG</source>
            <translation>실제 OK 이미지 중 NG로 판정된 비율</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="57" />
            <source>Accuracy</source>
            <translation>정확도</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="58" />
            <source>Image AUROC</source>
            <translation>이미지 AUROC</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="59" />
            <source>Pixel AUROC</source>
            <translation>픽셀 AUROC</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="63" />
            <source>judged OK</source>
            <translation>OK 판정</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="64" />
            <source>judged NG</source>
            <translation>NG 판정</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="65" />
            <location filename="../../ui/evaluate_results.py" line="65" />
            <source>true OK</source>
            <translation>실제 OK</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="66" />
            <location filename="../../ui/evaluate_results.py" line="66" />
            <source>true NG</source>
            <translation>실제 NG</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="74" />
            <source>Confusion matrix</source>
            <translation>혼동 행렬</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="85" />
            <source>– no masks</source>
            <translation>– 마스크 없음</translation>
        </message>
    </context>
    <context>
        <name>OverlayViewer</name>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="149" />
            <source>Run an evaluation, then pick an image.</source>
            <translation>평가를 실행한 후 이미지를 선택하세요.</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="151" />
            <source>Heatmap and defect boxes</source>
            <translation>히트맵과 결함 박스</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_browser.py" line="153" />
            <source>Original image</source>
            <translation>원본 이미지</translation>
        </message>
    </context>
    <context>
        <name>ThresholdBar</name>
        <message>
            <location filename="../../ui/evaluate_results.py" line="106" />
            <source>Model's threshold</source>
            <translation>모델 임계값</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="107" />
            <location filename="../../ui/evaluate_results.py" line="107" />
            <source>Use this threshold</source>
            <translation>이 임계값 사용</translation>
        </message>
        <message>
            <location filename="../../ui/evaluate_results.py" line="112" />
            <source>Threshold</source>
            <translation>임계값</translation>
        </message>
    </context>
    <context>
        <name>HistoryFilterBar</name>
        <message>
            <location filename="../../ui/history_filters.py" line="40" />
            <source>part of the file name</source>
            <translation>파일 이름 일부</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="43" />
            <source>All</source>
            <translation>전체</translation>
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
            <translation>전체</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="53" />
            <source>All models</source>
            <translation>모든 모델</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="54" />
            <source>model id</source>
            <translation>모델 ID</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="57" />
            <source>Dates</source>
            <translation>날짜</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="64" />
            <source>Score</source>
            <translation>점수</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="73" />
            <source>Clear filters</source>
            <translation>필터 지우기</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="75" />
            <source>part id / code</source>
            <translation>부품 ID / 코드</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="79" />
            <source>Name</source>
            <translation>이름</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="79" />
            <source>Verdict</source>
            <translation>판정</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="80" />
            <source>Defects</source>
            <translation>결함</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="81" />
            <source>Model</source>
            <translation>모델</translation>
        </message>
        <message>
            <location filename="../../ui/history_filters.py" line="81" />
            <source>Part</source>
            <translation>부품</translation>
        </message>
    </context>
    <context>
        <name>RecordDetailController</name>
        <message>
            <location filename="../../ui/history_detail.py" line="91" />
            <source>No image to copy.</source>
            <translation>복사할 이미지가 없습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/history_detail.py" line="94" />
            <source>Image copied to the clipboard.</source>
            <translation>이미지를 클립보드에 복사했습니다.</translation>
        </message>
        <message>
            <location filename="../../ui/history_detail.py" line="102" />
            <source>Open image folder</source>
            <translation>이미지 폴더 열기</translation>
        </message>
        <message>
            <location filename="../../ui/history_detail.py" line="102" />
            <source>The image folder does not exist.</source>
            <translation>이미지 폴더가 없습니다.</translation>
        </message>
    </context>
</TS>
