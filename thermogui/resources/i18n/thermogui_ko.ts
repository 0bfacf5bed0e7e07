<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>{name} choices</source>
        <translation>{name} 선택 목록</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>메뉴 더 보기</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>Run status</source>
        <translation>실행 상태</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>cannot lock {path}</source>
        <translation>{path}을(를) 잠글 수 없습니다</translation>
    </message>
</context>
<context>
    <name>BookPanel</name>
    <message>
        <source>The chapter's runs: choose one, then press Start (F5).</source>
        <translation>이 장의 실행들입니다: 하나를 고른 다음 시작(F5)을 누르세요.</translation>
    </message>
    <message>
        <source>The book's runs</source>
        <translation>책의 실행</translation>
    </message>
    <message>
        <source>{title}   ({source})</source>
        <translation>{title}   ({source})</translation>
    </message>
    <message>
        <source>Load this run</source>
        <translation>이 실행 불러오기</translation>
    </message>
    <message>
        <source>Fill every setting and the readings with this run of the book (undoable)</source>
        <translation>모든 설정과 측정값을 책의 이 실행으로 채웁니다 (되돌릴 수 있습니다)</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>지켜볼 것</translation>
    </message>
    <message>
        <source>The book prints</source>
        <translation>책에 나온 값</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>책</translation>
    </message>
    <message>
        <source>This run</source>
        <translation>이 실행</translation>
    </message>
    <message>
        <source>The book's numbers beside this run's</source>
        <translation>책의 숫자와 이 실행의 숫자</translation>
    </message>
    <message>
        <source>Columns: what, the book's number, this run's, agreement</source>
        <translation>열: 항목, 책의 숫자, 이 실행의 숫자, 일치 여부</translation>
    </message>
    <message>
        <source>Printed numbers</source>
        <translation>책에 나온 숫자</translation>
    </message>
    <message>
        <source>Select the whole table</source>
        <translation>표 전체 선택</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; — {watch}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; — {watch}</translation>
    </message>
    <message>
        <source>Loaded: {title}. Press Start (F5) to run it.</source>
        <translation>불러왔습니다: {title}. 실행하려면 시작(F5)을 누르세요.</translation>
    </message>
    <message>
        <source>{same} of {count} printed numbers agree with the book.</source>
        <translation>책에 나온 숫자 {count}개 중 {same}개가 책과 일치합니다.</translation>
    </message>
    <message>
        <source>The book prints no exact digits for this run: compare the curves' shape.</source>
        <translation>책은 이 실행의 정확한 숫자를 싣지 않습니다: 곡선의 모양을 비교해 보세요.</translation>
    </message>
    <message>
        <source>Equal to the digits the book prints</source>
        <translation>책에 나온 자릿수까지 같습니다</translation>
    </message>
    <message>
        <source>Differs from the book's printout</source>
        <translation>책의 출력과 다릅니다</translation>
    </message>
    <message>
        <source>The settings or readings have changed since you loaded this run.</source>
        <translation>이 실행을 불러온 뒤로 설정이나 측정값이 바뀌었습니다.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>실행 중…</translation>
    </message>
    <message>
        <source>Press Start (F5): the book's numbers will appear here beside this run's.</source>
        <translation>시작(F5)을 누르세요: 책의 숫자가 이 실행의 숫자와 나란히 여기에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>ControlsPanel</name>
    <message>
        <source>Full speed</source>
        <translation>최고 속도</translation>
    </message>
    <message>
        <source>1,000 epochs/s</source>
        <translation>초당 1,000 에포크</translation>
    </message>
    <message>
        <source>100 epochs/s</source>
        <translation>초당 100 에포크</translation>
    </message>
    <message>
        <source>10 epochs/s</source>
        <translation>초당 10 에포크</translation>
    </message>
    <message>
        <source>1 epoch/s</source>
        <translation>초당 1 에포크</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>모델(&amp;M)</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>은닉 유닛</translation>
    </message>
    <message>
        <source>Arithmetic</source>
        <translation>연산 방식</translation>
    </message>
    <message>
        <source>&amp;Learning rate</source>
        <translation>학습률(&amp;L)</translation>
    </message>
    <message>
        <source>Epo&amp;chs</source>
        <translation>에포크(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Normalize</source>
        <translation>정규화(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Gradient</source>
        <translation>기울기(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Optimizer</source>
        <translation>옵티마이저(&amp;O)</translation>
    </message>
    <message>
        <source>momen&amp;tum</source>
        <translation>모멘텀(&amp;T)</translation>
    </message>
    <message>
        <source>V&amp;alidation</source>
        <translation>검증(&amp;A)</translation>
    </message>
    <message>
        <source>see&amp;d</source>
        <translation>시드(&amp;D)</translation>
    </message>
    <message>
        <source>S&amp;peed</source>
        <translation>속도(&amp;P)</translation>
    </message>
    <message>
        <source>Start (model units)</source>
        <translation>시작값 (모델 단위)</translation>
    </message>
    <message>
        <source>w and b to start from, in model units: after the normalization below, as the book gives them. The equation above the plot shows the same line in raw units.</source>
        <translation>학습을 시작할 w와 b의 값입니다. 책에 나온 대로, 아래 정규화를 적용한 뒤의 모델 단위로 씁니다. 그래프 위의 식은 같은 직선을 원래 단위로 보여 줍니다.</translation>
    </message>
    <message>
        <source>Slow training down to watch each step, or run at full speed. Takes effect at once, also during a run.</source>
        <translation>학습을 느리게 해서 한 단계씩 지켜보거나, 최고 속도로 실행합니다. 학습 중에도 바로 적용됩니다.</translation>
    </message>
    <message>
        <source>Training speed</source>
        <translation>학습 속도</translation>
    </message>
    <message>
        <source>Stable learning rate</source>
        <translation>안정적인 학습률</translation>
    </message>
    <message>
        <source>Plain gradient descent on this loss diverges above 2 / (largest eigenvalue of the loss's Hessian), which depends on the data and the normalization.</source>
        <translation>이 손실에서 기본 경사 하강법은 학습률이 2 / (손실의 헤세 행렬에서 가장 큰 고윳값)보다 크면 발산합니다. 이 값은 데이터와 정규화에 따라 달라집니다.</translation>
    </message>
    <message>
        <source>stops as converged when every |gradient| ≤ {tol}</source>
        <translation>모든 |기울기|가 {tol} 이하가 되면 수렴한 것으로 보고 멈춤</translation>
    </message>
    <message>
        <source>keeps training when the loss becomes inf or nan</source>
        <translation>손실이 inf나 nan이 되어도 학습을 계속함</translation>
    </message>
    <message>
        <source>Also set (from the session, no control here): {settings}.</source>
        <translation>세션에서 함께 설정됨 (여기에는 조절 항목이 없음): {settings}.</translation>
    </message>
    <message>
        <source>Validation readings are the ones ticked in the table's Val column (untick them to use a random share).</source>
        <translation>검증에 쓰는 측정값은 표의 '검증' 열에 체크한 것들입니다 (체크를 모두 풀면 무작위로 일부를 고릅니다).</translation>
    </message>
    <message>
        <source>A network is not linear in its parameters: its Hessian changes from point to point, so there is no single stable rate to predict.</source>
        <translation>신경망은 파라미터에 대해 선형이 아닙니다. 헤세 행렬이 점마다 달라지므로, 미리 알 수 있는 안정적인 학습률이 하나로 정해지지 않습니다.</translation>
    </message>
    <message>
        <source>Plain gradient descent on this loss diverges above 2 / (largest eigenvalue of the loss's Hessian), which depends on the model, the data and the normalization. The condition number (largest / smallest eigenvalue, now {condition}) says how long and narrow the loss valley is. From the eigenvalues and the start values: at most how many epochs plain gradient descent needs to get within 0.1 % of the minimum, the least-squares loss (the bound puts all of the start's excess loss along the flattest direction); after a run, whether the run got there.</source>
        <translation>이 손실에서 기본 경사 하강법은 학습률이 2 / (손실의 헤세 행렬에서 가장 큰 고윳값)보다 크면 발산합니다. 이 값은 모델, 데이터, 정규화에 따라 달라집니다. 조건수(가장 큰 고윳값 / 가장 작은 고윳값, 지금 {condition})는 손실 골짜기가 얼마나 길고 좁은지를 나타냅니다. 고윳값과 시작값으로 구한 값: 기본 경사 하강법이 최솟값인 최소제곱 손실의 0.1 % 안에 들어가기까지 많아야 몇 에포크가 필요한지 (이 상한은 시작점의 초과 손실이 모두 가장 평평한 방향에 있다고 봅니다). 실행한 뒤에는 실제로 거기에 도달했는지 알려 줍니다.</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Readings</source>
        <translation>측정값</translation>
    </message>
    <message>
        <source>One reading per row: whether it is used, t_u (the unknown thermometer), t_c (°C) and whether it is a validation reading (measured, not trained on).</source>
        <translation>한 행에 측정값 하나: 사용 여부, t_u(단위를 모르는 온도계), t_c(°C), 그리고 검증 측정값(잰 값이지만 학습에는 쓰지 않음)인지 여부.</translation>
    </message>
    <message>
        <source>Reading columns</source>
        <translation>측정값 열</translation>
    </message>
    <message>
        <source>Reading numbers</source>
        <translation>측정값 번호</translation>
    </message>
    <message>
        <source>Select all readings</source>
        <translation>모든 측정값 선택</translation>
    </message>
    <message>
        <source>Double-click or type to edit a reading; arrow keys move between cells, Tab leaves the table. Insert adds an empty row, Delete removes the selected rows, Ctrl+V pastes rows from a spreadsheet.</source>
        <translation>측정값을 고치려면 두 번 클릭하거나 바로 입력하세요. 화살표 키로 칸을 옮기고, Tab으로 표를 벗어납니다. Insert는 빈 행을 추가하고, Delete는 선택한 행을 지우며, Ctrl+V는 스프레드시트의 행을 붙여 넣습니다.</translation>
    </message>
    <message>
        <source>The data is locked while a run is in progress — Stop or Reset to edit it.</source>
        <translation>학습이 진행되는 동안에는 데이터가 잠깁니다 — 고치려면 중지하거나 초기화하세요.</translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation>행 추가(&amp;A)</translation>
    </message>
    <message>
        <source>Add an empty row to type a reading into (it counts once t_u and t_c are in)</source>
        <translation>측정값을 입력할 빈 행을 추가합니다 (t_u와 t_c를 모두 입력하면 측정값으로 셉니다)</translation>
    </message>
    <message>
        <source>&amp;Delete rows</source>
        <translation>행 삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected rows</source>
        <translation>선택한 행을 삭제합니다</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected rows as text</source>
        <translation>선택한 행을 텍스트로 복사합니다</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>Paste rows (t_u, t_c) from a spreadsheet or text</source>
        <translation>스프레드시트나 텍스트에서 행(t_u, t_c)을 붙여 넣습니다</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>실행 취소(&amp;U): {action}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>다시 실행(&amp;R): {action}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>{reason} — the old value was kept.</source>
        <translation>{reason} — 이전 값을 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>Row {row} is not complete yet: type t_u and t_c. Until both are filled in, the fit, the least-squares line and any run leave it out.</source>
        <translation>{row}행은 아직 완성되지 않았습니다: t_u와 t_c를 입력하세요. 둘 다 입력하기 전까지는 적합, 최소제곱 직선, 실행 어디에도 이 행을 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>Rows {rows} and {last} are not complete yet: type t_u and t_c. Until both are filled in, the fit, the least-squares line and any run leave them out.</source>
        <translation>{rows}, {last}행은 아직 완성되지 않았습니다: t_u와 t_c를 입력하세요. 둘 다 입력하기 전까지는 적합, 최소제곱 직선, 실행 어디에도 이 행들을 쓰지 않습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n readings</source>
        <translation>
            <numerusform>측정값 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>{readings}, {used} used</source>
        <translation>{readings}, {used}개 사용</translation>
    </message>
    <message>
        <source>{readings} + {new} incomplete</source>
        <translation>{readings} + 미완성 {new}개</translation>
    </message>
    <message>
        <source>The clipboard is empty: copy two columns (t_u, t_c) from a spreadsheet first.</source>
        <translation>클립보드가 비어 있습니다: 먼저 스프레드시트에서 두 열(t_u, t_c)을 복사하세요.</translation>
    </message>
    <message>
        <source>Nothing was pasted. {problems}{more}</source>
        <translation>아무것도 붙여 넣지 않았습니다. {problems}{more}</translation>
    </message>
    <message>
        <source> (and {count} more)</source>
        <translation> (그 밖에 {count}개 더)</translation>
    </message>
    <message>
        <source>Paste {count} row</source>
        <translation>{count}개 행 붙여넣기</translation>
    </message>
    <message>
        <source>Paste {count} rows</source>
        <translation>{count}개 행 붙여넣기</translation>
    </message>
    <message>
        <source>Pasted {count} readings at row {row}.</source>
        <translation>측정값 {count}개를 {row}행에 붙여 넣었습니다.</translation>
    </message>
    <message>
        <source>Select a t_u or t_c cell to paste a single value into.</source>
        <translation>값 하나를 붙여 넣으려면 t_u나 t_c 칸을 선택하세요.</translation>
    </message>
    <message>
        <source>Row {row}: {reason}</source>
        <translation>{row}행: {reason}</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>(and 1 more error since)</source>
        <translation>(그 뒤로 오류가 1개 더 있었습니다)</translation>
    </message>
    <message>
        <source>(and {n} more errors since)</source>
        <translation>(그 뒤로 오류가 {n}개 더 있었습니다)</translation>
    </message>
    <message>
        <source>(and 1 more unexpected error since)</source>
        <translation>(그 뒤로 예기치 않은 오류가 1개 더 있었습니다)</translation>
    </message>
    <message>
        <source>(and {n} more unexpected errors since)</source>
        <translation>(그 뒤로 예기치 않은 오류가 {n}개 더 있었습니다)</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>할 수 없는 작업</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>예기치 않은 오류</translation>
    </message>
    <message>
        <source>This is a bug in ThermoGUI, not a problem with your readings or settings. They are unchanged and the app keeps running; saving your work now is a good idea.</source>
        <translation>ThermoGUI의 버그이며, 측정값이나 설정의 문제가 아닙니다. 측정값과 설정은 그대로이고 앱도 계속 실행됩니다. 지금 작업을 저장해 두는 것이 좋습니다.</translation>
    </message>
    <message>
        <source>The details were written to {path}; please include that file when you report it.</source>
        <translation>자세한 내용을 {path}에 기록했습니다. 버그를 알릴 때 이 파일을 함께 보내 주세요.</translation>
    </message>
    <message>
        <source>The details below could not be written to the error log ({reason}).</source>
        <translation>아래의 자세한 내용을 오류 로그에 기록하지 못했습니다 ({reason}).</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Fit plot</source>
        <translation>적합 그래프</translation>
    </message>
    <message>
        <source>Loss plot</source>
        <translation>손실 그래프</translation>
    </message>
    <message>
        <source>Fit and loss side by side</source>
        <translation>적합과 손실 나란히</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 이미지</translation>
    </message>
    <message>
        <source>SVG vector image</source>
        <translation>SVG 벡터 이미지</translation>
    </message>
    <message>
        <source>inches</source>
        <translation>인치</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>픽셀</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>SVG vector image (*.svg)</source>
        <translation>SVG 벡터 이미지 (*.svg)</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>그래프 내보내기</translation>
    </message>
    <message>
        <source>Which plot goes into the picture.</source>
        <translation>그림에 넣을 그래프입니다.</translation>
    </message>
    <message>
        <source>PNG: pixels at the chosen resolution. SVG: lines and text that scale to any size.</source>
        <translation>PNG: 고른 해상도의 픽셀 그림. SVG: 어떤 크기로도 깨끗하게 늘어나는 선과 글자.</translation>
    </message>
    <message>
        <source>Give the size in inches (printed size) or pixels.</source>
        <translation>크기를 인치(인쇄 크기)나 픽셀로 정합니다.</translation>
    </message>
    <message>
        <source>Dots per inch: 600 is print quality (the book saves its plot at 600); 96–150 for screens. Text and lines keep their size in points. A PNG's highest resolution depends on its size (at most 120 megapixels, 20,000 pixels a side); an SVG's does not.</source>
        <translation>인치당 점 수(dpi): 600은 인쇄 품질입니다(책도 그래프를 600으로 저장합니다). 화면용은 96–150입니다. 글자와 선은 포인트 단위의 크기를 유지합니다. PNG의 최고 해상도는 크기에 따라 다르지만(최대 1억 2천만 픽셀, 한 변 20,000픽셀), SVG는 그렇지 않습니다.</translation>
    </message>
    <message>
        <source>no title</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Show the fitted equation under the plot</source>
        <translation>그래프 아래에 적합한 식 보이기</translation>
    </message>
    <message>
        <source>Book's English labels</source>
        <translation>책의 영어 레이블</translation>
    </message>
    <message>
        <source>Label the axes, legend and caption with the book's English words (Temperature (°Fahrenheit), Temperature (°Celsius)) instead of the UI language's.</source>
        <translation>축, 범례, 설명을 화면 언어 대신 책의 영어 그대로(Temperature (°Fahrenheit), Temperature (°Celsius)) 씁니다.</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>그래프</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>해상도</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>저장 위치</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>Co&amp;py to clipboard</source>
        <translation>클립보드로 복사(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>닫기(&amp;L)</translation>
    </message>
    <message>
        <source>{typed} dpi cannot be used: from {lo} to {hi} dpi at this size and format</source>
        <translation>{typed} dpi는 쓸 수 없습니다: 이 크기와 형식에서는 {lo}에서 {hi} dpi까지입니다</translation>
    </message>
    <message>
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>height</source>
        <translation>높이</translation>
    </message>
    <message>
        <source>A {side} of {typed} {unit} cannot be used: from {lo} to {hi} {unit} here</source>
        <translation>{side} {typed} {unit}은(는) 쓸 수 없습니다: 여기서는 {lo}에서 {hi} {unit}까지입니다</translation>
    </message>
    <message>
        <source>kept {value}</source>
        <translation>{value}을(를) 그대로 두었습니다</translation>
    </message>
    <message>
        <source>{w} × {h} pixels</source>
        <translation>{w} × {h} 픽셀</translation>
    </message>
    <message>
        <source>{w} × {h} in at {dpi} dpi</source>
        <translation>{dpi} dpi에서 {w} × {h} 인치</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>파일을 바꿀까요?</translation>
    </message>
    <message>
        <source>“{file}” already exists in {folder}.
Do you want to replace it?</source>
        <translation>“{file}” 파일이 {folder}에 이미 있습니다.
새 파일로 바꿀까요?</translation>
    </message>
    <message>
        <source>Not exported: the existing file was kept.</source>
        <translation>내보내지 않았습니다: 기존 파일을 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>{w} × {h} px at {dpi} dpi</source>
        <translation>{w} × {h} 픽셀, {dpi} dpi</translation>
    </message>
    <message>
        <source>Exported the plot to {path} ({detail}).</source>
        <translation>그래프를 {path}(으)로 내보냈습니다 ({detail}).</translation>
    </message>
    <message>
        <source>Could not export: {reason}</source>
        <translation>내보낼 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>The plot could not be saved to {path}.</source>
        <translation>그래프를 {path}에 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>
Any existing file was left as it was.</source>
        <translation>
기존 파일은 그대로 남아 있습니다.</translation>
    </message>
    <message>
        <source>the clipboard</source>
        <translation>클립보드</translation>
    </message>
    <message>
        <source>Copied the plot ({w} × {h} px) to the clipboard.</source>
        <translation>그래프({w} × {h} 픽셀)를 클립보드로 복사했습니다.</translation>
    </message>
</context>
<context>
    <name>Figure</name>
    <message>
        <source>Temperature (°Fahrenheit)</source>
        <translation>온도 (°F, 화씨)</translation>
    </message>
    <message>
        <source>Temperature (°Celsius)</source>
        <translation>온도 (°C, 섭씨)</translation>
    </message>
    <message>
        <source>Thermometer calibration</source>
        <translation>온도계 보정</translation>
    </message>
    <message>
        <source>straight line</source>
        <translation>직선</translation>
    </message>
    <message>
        <source>quadratic</source>
        <translation>2차 모델</translation>
    </message>
    <message>
        <source>network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>use .png or .svg</source>
        <translation>.png나 .svg를 쓰세요</translation>
    </message>
    <message>
        <source>the resolution must be from {lo} to {hi} dpi (got {dpi})</source>
        <translation>해상도는 {lo}에서 {hi} dpi 사이여야 합니다 (지금은 {dpi})</translation>
    </message>
    <message>
        <source>the width and height must be positive</source>
        <translation>너비와 높이는 0보다 커야 합니다</translation>
    </message>
    <message>
        <source>{w} × {h} is not a usable SVG size: each side must be {lo} to {hi} units (pixels at {dpi} dpi)</source>
        <translation>{w} × {h}은(는) 쓸 수 있는 SVG 크기가 아닙니다: 각 변은 {lo}에서 {hi} 단위({dpi} dpi에서의 픽셀)여야 합니다</translation>
    </message>
    <message>
        <source>each side must be {lo} to {hi} pixels and the whole at most {mp} megapixels</source>
        <translation>각 변은 {lo}에서 {hi} 픽셀, 전체는 {mp}메가픽셀 이하여야 합니다</translation>
    </message>
    <message>
        <source>{w} × {h} pixels is not a usable PNG size ({limits}): at {width} × {height} in, choose {lo} to {hi} dpi, or SVG for a higher resolution</source>
        <translation>{w} × {h} 픽셀은 쓸 수 있는 PNG 크기가 아닙니다 ({limits}): {width} × {height} 인치에서는 {lo}에서 {hi} dpi를 고르거나, 더 높은 해상도가 필요하면 SVG를 고르세요</translation>
    </message>
    <message>
        <source>{w} × {h} pixels is not a usable PNG size ({limits}): at {width} × {height} in, choose {lo} to {hi} dpi</source>
        <translation>{w} × {h} 픽셀은 쓸 수 있는 PNG 크기가 아닙니다 ({limits}): {width} × {height} 인치에서는 {lo}에서 {hi} dpi를 고르세요</translation>
    </message>
    <message>
        <source>{w} × {h} pixels is not a usable PNG size: {limits}</source>
        <translation>{w} × {h} 픽셀은 쓸 수 있는 PNG 크기가 아닙니다: {limits}</translation>
    </message>
    <message>
        <source> &amp;nbsp;(loss {loss})</source>
        <translation> &amp;nbsp;(손실 {loss})</translation>
    </message>
    <message>
        <source>Gradient descent, {epochs} epoch</source>
        <translation>경사 하강법, 에포크 {epochs}회</translation>
    </message>
    <message>
        <source>Gradient descent, {epochs} epochs</source>
        <translation>경사 하강법, 에포크 {epochs}회</translation>
    </message>
    <message>
        <source> at learning rate {lr}</source>
        <translation>, 학습률 {lr}</translation>
    </message>
    <message>
        <source>Start line (not trained yet)</source>
        <translation>시작 직선 (아직 학습 전)</translation>
    </message>
    <message>
        <source>Start values (not trained yet)</source>
        <translation>시작값 (아직 학습 전)</translation>
    </message>
    <message>
        <source>Least squares (exact)</source>
        <translation>최소제곱 (정확한 해)</translation>
    </message>
    <message>
        <source>Least-squares line (exact)</source>
        <translation>최소제곱 직선 (정확한 해)</translation>
    </message>
    <message>
        <source>gradient descent fit</source>
        <translation>경사 하강법 적합</translation>
    </message>
    <message>
        <source>gradient descent fit ({model})</source>
        <translation>경사 하강법 적합 ({model})</translation>
    </message>
    <message>
        <source>least squares (exact)</source>
        <translation>최소제곱 (정확한 해)</translation>
    </message>
    <message>
        <source>least squares {model} (exact)</source>
        <translation>최소제곱 {model} (정확한 해)</translation>
    </message>
    <message>
        <source>least-squares line (exact)</source>
        <translation>최소제곱 직선 (정확한 해)</translation>
    </message>
    <message>
        <source>readings</source>
        <translation>측정값</translation>
    </message>
    <message>
        <source>validation readings</source>
        <translation>검증 측정값</translation>
    </message>
    <message>
        <source>excluded readings</source>
        <translation>제외한 측정값</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Loss (mean squared error)</source>
        <translation>손실 (평균 제곱 오차)</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <source>no finite loss to show</source>
        <translation>보여 줄 유한한 손실이 없습니다</translation>
    </message>
    <message>
        <source>no training run yet</source>
        <translation>아직 학습한 실행이 없습니다</translation>
    </message>
    <message>
        <source>not enough memory for a {w} × {h} pixel image</source>
        <translation>{w} × {h} 픽셀 이미지를 만들 메모리가 부족합니다</translation>
    </message>
    <message>
        <source>Qt could not encode the PNG</source>
        <translation>Qt가 PNG를 인코딩하지 못했습니다</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>{folder} 폴더가 없습니다</translation>
    </message>
    <message>
        <source>{file} is a file, not a folder</source>
        <translation>{file}은(는) 폴더가 아니라 파일입니다</translation>
    </message>
    <message>
        <source>no permission to write in {folder}</source>
        <translation>{folder}에 쓸 권한이 없습니다</translation>
    </message>
    <message>
        <source>the disk is full ({folder})</source>
        <translation>디스크가 가득 찼습니다 ({folder})</translation>
    </message>
    <message>
        <source>{path} is a folder</source>
        <translation>{path}은(는) 폴더입니다</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>No such file or directory</source>
        <translation>그런 파일이나 폴더가 없습니다</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>허용되지 않은 작업입니다</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>폴더입니다</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>폴더가 아닙니다</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>디스크에 남은 공간이 없습니다</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>읽기 전용 파일 시스템입니다</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>파일 이름이 너무 깁니다</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>디스크 할당량을 넘었습니다</translation>
    </message>
    <message>
        <source>line {n}: {why}</source>
        <translation>{n}번째 줄: {why}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… 외 {count}개 더</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>Start over with the book's data</source>
        <translation>책의 데이터로 처음부터 다시 시작합니다</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open readings (CSV) or a saved session</source>
        <translation>측정값(CSV)이나 저장해 둔 세션을 엽니다</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save the session (readings, hyperparameters and result)</source>
        <translation>세션(측정값, 하이퍼파라미터, 결과)을 저장합니다</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the session under a new name</source>
        <translation>세션을 새 이름으로 저장합니다</translation>
    </message>
    <message>
        <source>Save Readings as &amp;CSV…</source>
        <translation>측정값을 CSV로 저장(&amp;C)…</translation>
    </message>
    <message>
        <source>Write the readings to a CSV file</source>
        <translation>측정값을 CSV 파일로 저장합니다</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>Untitled (readings from {file})</source>
        <translation>제목 없음 ({file}의 측정값)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>{document}[*] — ThermoGUI</source>
        <translation>{document}[*] — ThermoGUI</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>The readings or settings have changed since they were last saved. Save them first?</source>
        <translation>마지막으로 저장한 뒤 측정값이나 설정이 바뀌었습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <source>Readings or sessions (*.csv *.tsv *.txt *.json);;CSV readings (*.csv *.tsv *.txt);;Sessions (*.json)</source>
        <translation>측정값 또는 세션 (*.csv *.tsv *.txt *.json);;CSV 측정값 (*.csv *.tsv *.txt);;세션 (*.json)</translation>
    </message>
    <message>
        <source>Stop the run before opening another file.</source>
        <translation>다른 파일을 열기 전에 실행을 멈추세요.</translation>
    </message>
    <message>
        <source>Open readings or session</source>
        <translation>측정값이나 세션 열기</translation>
    </message>
    <message>
        <source>Not opened: reading {file} was cancelled. Nothing changed.</source>
        <translation>열지 않았습니다: {file} 읽기를 취소했습니다. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Could not open {file}</source>
        <translation>{file}을(를) 열 수 없습니다</translation>
    </message>
    <message>
        <source>Nothing was changed. Problems found:
{problems}</source>
        <translation>아무것도 바뀌지 않았습니다. 찾은 문제:
{problems}</translation>
    </message>
    <message>
        <source>Nothing was changed. {reason}</source>
        <translation>아무것도 바뀌지 않았습니다. {reason}</translation>
    </message>
    <message>
        <source>{keys} and {count} more</source>
        <translation>{keys} 외 {count}개</translation>
    </message>
    <message>
        <source> It holds settings this version does not use ({keys}); Save keeps them.</source>
        <translation> 이 버전이 쓰지 않는 설정({keys})이 들어 있습니다. 저장하면 그대로 보존됩니다.</translation>
    </message>
    <message>
        <source>Opened {file}: {count} readings.</source>
        <translation>{file}을(를) 열었습니다: 측정값 {count}개.</translation>
    </message>
    <message>
        <source>Opened {file}: {count} readings and the saved result (out of date when it was saved) — Start (F5) runs it again.</source>
        <translation>{file}을(를) 열었습니다: 측정값 {count}개와 저장된 결과(저장할 때 이미 지난 결과) — 시작(F5)을 누르면 다시 실행합니다.</translation>
    </message>
    <message>
        <source>Opened {file}: {count} readings and the saved result — Start (F5) runs it again.</source>
        <translation>{file}을(를) 열었습니다: 측정값 {count}개와 저장된 결과 — 시작(F5)을 누르면 다시 실행합니다.</translation>
    </message>
    <message>
        <source> Save (Ctrl+S) keeps them as a session; the CSV itself is not changed.</source>
        <translation> 저장(Ctrl+S)하면 세션으로 보관합니다. CSV 파일 자체는 바뀌지 않습니다.</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>{file} 읽는 중…</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>여는 중</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>세션 저장</translation>
    </message>
    <message>
        <source>ThermoGUI sessions ({pattern})</source>
        <translation>ThermoGUI 세션 ({pattern})</translation>
    </message>
    <message>
        <source>Save readings as CSV</source>
        <translation>측정값을 CSV로 저장</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Could not save {file}</source>
        <translation>{file}을(를) 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>{reason}. Any existing file was left unchanged.</source>
        <translation>{reason}. 기존 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Saved {file} (with its result marked out of date).</source>
        <translation>{file}을(를) 저장했습니다 (결과는 지난 결과로 표시됨).</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file}을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>Could not autosave: {reason}</source>
        <translation>자동 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>This ThermoGUI could not read them. Nothing was deleted: the files are kept where named above.</source>
        <translation>이 ThermoGUI로는 읽을 수 없습니다. 아무것도 지우지 않았습니다: 파일들은 위에 적힌 곳에 그대로 있습니다.</translation>
    </message>
    <message>
        <source>This ThermoGUI could not read it. Nothing was deleted: the file is kept where named above.</source>
        <translation>이 ThermoGUI로는 읽을 수 없습니다. 아무것도 지우지 않았습니다: 파일은 위에 적힌 곳에 그대로 있습니다.</translation>
    </message>
    <message>
        <source>Could not restore autosaved work</source>
        <translation>자동 저장된 작업을 복원할 수 없습니다</translation>
    </message>
    <message>
        <source>{count} readings and a result</source>
        <translation>측정값 {count}개와 결과</translation>
    </message>
    <message>
        <source>{count} readings</source>
        <translation>측정값 {count}개</translation>
    </message>
    <message>
        <source>ThermoGUI did not close properly. Restore the work autosaved before ({what})?</source>
        <translation>ThermoGUI가 제대로 닫히지 않았습니다. 전에 자동 저장된 작업({what})을 복원할까요?</translation>
    </message>
    <message>
        <source>ThermoGUI did not close properly. Restore the work autosaved at {time} ({what})?</source>
        <translation>ThermoGUI가 제대로 닫히지 않았습니다. {time}에 자동 저장된 작업({what})을 복원할까요?</translation>
    </message>
    <message>
        <source>

Autosave {number} of {total}.</source>
        <translation>

자동 저장 {total}개 중 {number}번째.</translation>
    </message>
    <message>
        <source> It opens in a new window.</source>
        <translation> 새 창에서 열립니다.</translation>
    </message>
    <message>
        <source> Delete removes it for good; Later keeps it to be offered at the next start.</source>
        <translation> 삭제하면 영구히 지워지고, 나중에를 누르면 남겨 두었다가 다음에 시작할 때 다시 묻습니다.</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>저장하지 않은 작업을 복원할까요?</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>복원(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Restored the autosaved work ({count} readings). Save (Ctrl+S) to keep it.</source>
        <translation>자동 저장된 작업(측정값 {count}개)을 복원했습니다. 남겨 두려면 저장(Ctrl+S)하세요.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
</context>
<context>
    <name>FitPlot</name>
    <message>
        <source>Temperature (°Fahrenheit)</source>
        <translation>온도 (°F, 화씨)</translation>
    </message>
    <message>
        <source>Temperature (°Celsius)</source>
        <translation>온도 (°C, 섭씨)</translation>
    </message>
    <message>
        <source>°F law (t_u − 32)·5/9</source>
        <translation>°F 법칙 (t_u − 32)·5/9</translation>
    </message>
    <message>
        <source>Drag to place your line</source>
        <translation>끌어서 내 직선을 놓으세요</translation>
    </message>
    <message>
        <source>mean of the squares = MSE = {mse}</source>
        <translation>정사각형 넓이의 평균 = MSE = {mse}</translation>
    </message>
    <message>
        <source>(training readings; validation readings dashed, not counted)</source>
        <translation>(학습 측정값만 계산합니다. 검증 측정값은 점선이며 계산에 넣지 않습니다)</translation>
    </message>
    <message>
        <source>(squares of {shown} of the {total} readings drawn)</source>
        <translation>(측정값 {total}개 중 {shown}개의 정사각형만 그렸습니다)</translation>
    </message>
    <message>
        <source>Fit plot</source>
        <translation>적합 그래프</translation>
    </message>
    <message>
        <source>Temperature in °Celsius against the reading t_u: the readings as circles (validation readings hollow), the line or curve being fitted and the least-squares one, dashed.</source>
        <translation>측정값 t_u에 대한 섭씨 온도입니다. 측정값은 원(검증 측정값은 속이 빈 원)으로, 학습 중인 직선이나 곡선은 실선으로, 최소제곱 직선이나 곡선은 점선으로 그립니다.</translation>
    </message>
    <message>
        <source>least-squares line</source>
        <translation>최소제곱 직선</translation>
    </message>
    <message>
        <source>least squares</source>
        <translation>최소제곱</translation>
    </message>
    <message>
        <source>current fit</source>
        <translation>현재 적합</translation>
    </message>
    <message>
        <source>readings</source>
        <translation>측정값</translation>
    </message>
    <message>
        <source>validation readings</source>
        <translation>검증 측정값</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>제외됨</translation>
    </message>
    <message>
        <source>hidden units</source>
        <translation>은닉 유닛</translation>
    </message>
    <message>
        <source>squared residuals</source>
        <translation>잔차의 제곱</translation>
    </message>
    <message>
        <source>my line</source>
        <translation>내 직선</translation>
    </message>
</context>
<context>
    <name>GradientPanel</name>
    <message>
        <source>By hand (chain rule)</source>
        <translation>직접 계산 (연쇄 법칙)</translation>
    </message>
    <message>
        <source>The gradient derived on paper: sum over points of dL/dt_p × dt_p/dparam (float32).</source>
        <translation>종이 위에서 유도한 기울기입니다: 모든 점에 대해 dL/dt_p × dt_p/dparam을 더합니다 (float32).</translation>
    </message>
    <message>
        <source>Autograd</source>
        <translation>Autograd</translation>
    </message>
    <message>
        <source>PyTorch records the forward pass and runs it backwards: loss.backward() (float32).</source>
        <translation>PyTorch가 순방향 전달을 기록해 두었다가 거꾸로 실행합니다: loss.backward() (float32).</translation>
    </message>
    <message>
        <source>Finite difference</source>
        <translation>유한 차분</translation>
    </message>
    <message>
        <source>(L(p + d) − L(p − d)) / 2d, nudging one parameter at a time (float64): no calculus.</source>
        <translation>(L(p + d) − L(p − d)) / 2d, 파라미터를 하나씩 조금 움직여 봅니다 (float64): 미적분이 필요 없습니다.</translation>
    </message>
    <message>
        <source>by hand − autograd</source>
        <translation>직접 계산 − autograd</translation>
    </message>
    <message>
        <source>by hand − finite diff.</source>
        <translation>직접 계산 − 유한 차분</translation>
    </message>
    <message>
        <source>autograd − finite diff.</source>
        <translation>autograd − 유한 차분</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>직접 계산</translation>
    </message>
    <message>
        <source>Finite diff.</source>
        <translation>유한 차분</translation>
    </message>
    <message>
        <source>Largest rel. difference</source>
        <translation>가장 큰 상대 차이</translation>
    </message>
    <message>
        <source>The largest of |a − b| / max(|a|, |b|) over the three pairs of methods.</source>
        <translation>세 가지 방법 쌍에 대한 |a − b| / max(|a|, |b|) 중 가장 큰 값입니다.</translation>
    </message>
    <message>
        <source>L = (1/N) Σ (t_p − t_c)² with t_p = w·x + b, so by the chain rule dL/dw = Σ dL/dt_p · dt_p/dw and dL/db = Σ dL/dt_p · dt_p/db — one term per point:</source>
        <translation>L = (1/N) Σ (t_p − t_c)², t_p = w·x + b이므로 연쇄 법칙에 따라 dL/dw = Σ dL/dt_p · dt_p/dw, dL/db = Σ dL/dt_p · dt_p/db — 점마다 항이 하나씩입니다:</translation>
    </message>
    <message>
        <source>L = mean((t_p − t_c)²) over the N training points, t_p = w·x + b. The chain rule: dL/dw = Σ dL/dt_p · dt_p/dw and dL/db = Σ dL/dt_p · dt_p/db.</source>
        <translation>L = mean((t_p − t_c)²)은 N개의 학습 점에 대한 평균이고, t_p = w·x + b입니다. 연쇄 법칙: dL/dw = Σ dL/dt_p · dt_p/dw, dL/db = Σ dL/dt_p · dt_p/db.</translation>
    </message>
    <message>
        <source>L = (1/N) Σ (t_p − t_c)² with {formula}, so by the chain rule dL/dp = Σ dL/dt_p · dt_p/dp for every parameter p — only dt_p/dp is new for this model, the rest of the training loop is the same:</source>
        <translation>L = (1/N) Σ (t_p − t_c)², {formula}이므로 연쇄 법칙에 따라 모든 파라미터 p에 대해 dL/dp = Σ dL/dt_p · dt_p/dp — 이 모델에서 새로운 것은 dt_p/dp뿐이고, 학습 반복문의 나머지는 같습니다:</translation>
    </message>
    <message>
        <source>Gradient by three methods</source>
        <translation>세 가지 방법으로 구한 기울기</translation>
    </message>
    <message>
        <source>dL/dw and dL/db by hand, by autograd and by finite differences, and the differences between them.</source>
        <translation>직접 계산, autograd, 유한 차분으로 구한 dL/dw와 dL/db, 그리고 그 사이의 차이.</translation>
    </message>
    <message>
        <source>Gradient components</source>
        <translation>기울기 성분</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>Difference between two methods, and relative to the larger: |a − b| / max(|a|, |b|).</source>
        <translation>두 방법의 차이, 그리고 더 큰 쪽에 대한 상대 차이: |a − b| / max(|a|, |b|).</translation>
    </message>
    <message>
        <source>Gradient per parameter by three methods</source>
        <translation>세 가지 방법으로 구한 파라미터별 기울기</translation>
    </message>
    <message>
        <source>One row per parameter: its gradient component by hand, by autograd and by finite differences, and the largest relative difference between them.</source>
        <translation>파라미터마다 한 행: 직접 계산, autograd, 유한 차분으로 구한 기울기 성분과 그 사이의 가장 큰 상대 차이.</translation>
    </message>
    <message>
        <source>Select the whole table</source>
        <translation>표 전체 선택</translation>
    </message>
    <message>
        <source>Which training reading to follow through the chain rule (numbered among the readings used for training).</source>
        <translation>연쇄 법칙을 따라가 볼 학습 측정값입니다 (학습에 쓰는 측정값들 사이의 번호).</translation>
    </message>
    <message>
        <source>Training point for the chain rule</source>
        <translation>연쇄 법칙을 따라갈 학습 점</translation>
    </message>
    <message>
        <source>Chain rule for training point</source>
        <translation>연쇄 법칙을 따라갈 학습 점</translation>
    </message>
    <message>
        <source>&lt;b&gt;The gradient three ways&lt;/b&gt; — do the hand-derived formula, PyTorch's autograd and a numerical estimate agree?</source>
        <translation>&lt;b&gt;기울기를 세 가지 방법으로&lt;/b&gt; — 손으로 유도한 공식, PyTorch의 autograd, 수치 추정값이 서로 맞을까요?</translation>
    </message>
    <message>
        <source>Start, pause or step a run to inspect the gradient at its current (w, b).</source>
        <translation>실행을 시작하거나, 일시 정지하거나, 한 단계씩 진행하면 현재 (w, b)에서의 기울기를 살펴볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Cannot compute the gradient: {reason}</source>
        <translation>기울기를 계산할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>At {point} (model units; {norm}),  loss L = {loss} over N = {n} training readings.</source>
        <translation>{point}에서 (모델 단위; {norm}),  학습 측정값 N = {n}개에 대한 손실 L = {loss}.</translation>
    </message>
    <message>
        <source>The loss's rate of change along {name}.</source>
        <translation>{name} 방향으로 손실이 변하는 빠르기입니다.</translation>
    </message>
    <message>
        <source>L = mean((t_p − t_c)²) over the N training points, {formula}. The chain rule: dL/dp = Σ dL/dt_p · dt_p/dp for each parameter p.</source>
        <translation>L = mean((t_p − t_c)²)은 N개의 학습 점에 대한 평균이고, {formula}입니다. 연쇄 법칙: 각 파라미터 p에 대해 dL/dp = Σ dL/dt_p · dt_p/dp.</translation>
    </message>
    <message>
        <source>of {n}: table row {row},  t_u = {t_u},  t_c = {t_c} °C</source>
        <translation>/ {n}: 표의 {row}행,  t_u = {t_u},  t_c = {t_c} °C</translation>
    </message>
    <message>
        <source>The loss is no longer finite here (the run diverged), so the gradients are meaningless: lower the learning rate or normalize the input.</source>
        <translation>여기서는 손실이 더 이상 유한하지 않아서 (실행이 발산했습니다) 기울기에 의미가 없습니다: 학습률을 낮추거나 입력을 정규화하세요.</translation>
    </message>
    <message>
        <source>✓ All three agree to float32 rounding. Near the minimum the gradient is a small sum of larger terms that cancel, so the relative differences look large while the absolute ones stay tiny.</source>
        <translation>✓ 세 가지 모두 float32 반올림 범위 안에서 일치합니다. 최소점 근처에서는 기울기가 서로 상쇄되는 더 큰 항들의 작은 합이라서, 절대 차이는 아주 작아도 상대 차이는 크게 보입니다.</translation>
    </message>
    <message>
        <source>✓ All three agree (largest relative difference {worst}): the chain-rule derivation is right.</source>
        <translation>✓ 세 가지 모두 일치합니다 (가장 큰 상대 차이 {worst}): 연쇄 법칙으로 한 유도가 맞습니다.</translation>
    </message>
    <message>
        <source>⚠ The methods disagree by more than rounding explains.</source>
        <translation>⚠ 방법들이 반올림으로 설명되는 것보다 더 크게 어긋납니다.</translation>
    </message>
    <message>
        <source>At w = {w}, b = {b} (model units; {norm}),  loss L = {loss} over N = {n} training readings.</source>
        <translation>w = {w}, b = {b}에서 (모델 단위; {norm}),  학습 측정값 N = {n}개에 대한 손실 L = {loss}.</translation>
    </message>
</context>
<context>
    <name>LandscapePanel</name>
    <message>
        <source>Hover over the landscape to read w, b and the loss; click to start training there.</source>
        <translation>손실 지형 위에 마우스를 올리면 w, b와 손실을 읽을 수 있고, 클릭하면 그 점에서 학습을 시작합니다.</translation>
    </message>
    <message>
        <source>Hover over the landscape to read {across}, {up} and the loss; click to start training there.</source>
        <translation>손실 지형 위에 마우스를 올리면 {across}, {up}와 손실을 읽을 수 있고, 클릭하면 그 점에서 학습을 시작합니다.</translation>
    </message>
    <message>
        <source>start (click to move)</source>
        <translation>시작점 (클릭해서 옮기기)</translation>
    </message>
    <message>
        <source>minimum (least squares)</source>
        <translation>최소점 (최소제곱)</translation>
    </message>
    <message>
        <source>least squares (projected)</source>
        <translation>최소제곱 (투영)</translation>
    </message>
    <message>
        <source>lowest point of this slice</source>
        <translation>이 단면의 가장 낮은 점</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>이번 실행</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>손실 지형</translation>
    </message>
    <message>
        <source>A heat map of the loss over w (across) and b (up), with contour lines, the minimum as a star, the start as a circle and the run's path. Click to start training from a point; + and − zoom, the arrow keys pan.</source>
        <translation>w(가로)와 b(세로)에 대한 손실의 열지도로, 등고선, 별 모양의 최소점, 원 모양의 시작점과 실행의 경로를 보여 줍니다. 점을 클릭하면 거기서 학습을 시작합니다. +와 −로 확대·축소하고 화살표 키로 이동합니다.</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>손실 (로그 눈금)</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>보기 초기화</translation>
    </message>
    <message>
        <source>Show the start, the minimum and the whole path again.</source>
        <translation>시작점, 최소점, 경로 전체를 다시 보여 줍니다.</translation>
    </message>
    <message>
        <source>Clear earlier runs</source>
        <translation>이전 실행 지우기</translation>
    </message>
    <message>
        <source>Remove the faded paths of earlier runs.</source>
        <translation>흐리게 남은 이전 실행의 경로를 지웁니다.</translation>
    </message>
    <message>
        <source>E&amp;qual axes</source>
        <translation>축 비율 같게(&amp;Q)</translation>
    </message>
    <message>
        <source>With z-scored input w and b are both in °C: draw them to the same scale, so the shape of the valley is true.</source>
        <translation>z-점수 입력에서는 w와 b가 모두 °C 단위입니다: 둘을 같은 축척으로 그려야 골짜기의 모양이 제대로 보입니다.</translation>
    </message>
    <message>
        <source>Which two parameters the slice shows (across × up); the others stay at their current values.</source>
        <translation>단면이 보여 줄 두 파라미터입니다 (가로 × 세로). 나머지는 현재 값에 고정됩니다.</translation>
    </message>
    <message>
        <source>Parameters shown</source>
        <translation>보여 줄 파라미터</translation>
    </message>
    <message>
        <source>&amp;Slice</source>
        <translation>단면(&amp;S)</translation>
    </message>
    <message>
        <source>{name} (model units)</source>
        <translation>{name} (모델 단위)</translation>
    </message>
    <message>
        <source>No landscape: {reason}</source>
        <translation>손실 지형 없음: {reason}</translation>
    </message>
    <message>
        <source>The loss became infinite: every step overshot the minimum by more than the one before, so the path shot out of the window.</source>
        <translation>손실이 무한대가 되었습니다: 걸음마다 앞 걸음보다 최소점을 더 크게 지나쳐서, 경로가 창 밖으로 튀어 나갔습니다.</translation>
    </message>
    <message>
        <source>The run's latest point is outside this window: zoom out (mouse wheel) or press Reset view to see where it went.</source>
        <translation>실행의 최근 점이 이 창 밖에 있습니다: 축소하거나 (마우스 휠) 보기 초기화를 눌러 어디로 갔는지 보세요.</translation>
    </message>
    <message>
        <source>w = {w}   b = {b}   loss = {loss}</source>
        <translation>w = {w}   b = {b}   손실 = {loss}</translation>
    </message>
    <message>
        <source>{across} = {w}   {up} = {b}   loss = {loss}   ({equation})</source>
        <translation>{across} = {w}   {up} = {b}   손실 = {loss}   ({equation})</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>What the book's training_loop prints for this run, as the notebook shows it: every epoch for runs of up to {every} epochs; for longer runs the book's chosen epochs ({chosen}) with “...” between.  The last line is the parameters the loop returns.  The same text: thermogui fit --log book.</source>
        <translation>이 실행에 대해 책의 training_loop가 출력하는 내용을 노트북에 나오는 그대로 보여 줍니다: {every} 에포크 이하의 실행은 에포크마다, 더 긴 실행은 책이 고른 에포크({chosen})만 보여 주고 그 사이는 “...”로 줄입니다.  마지막 줄은 반복문이 돌려주는 파라미터입니다.  같은 내용: thermogui fit --log book.</translation>
    </message>
    <message>
        <source>Press Start (F5): the lines the notebook's training_loop prints appear here as the run goes.</source>
        <translation>시작(F5)을 누르세요: 노트북의 training_loop가 출력하는 줄들이 실행하는 동안 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>This result was opened from a session, which keeps no per-epoch record.  Start (F5) runs it again and prints it here.</source>
        <translation>이 결과는 에포크별 기록을 남기지 않는 세션 파일에서 열었습니다.  시작(F5)을 누르면 다시 실행해서 여기에 출력합니다.</translation>
    </message>
    <message>
        <source>Training log</source>
        <translation>학습 로그</translation>
    </message>
    <message>
        <source>The lines the book's training_loop prints for the run.</source>
        <translation>책의 training_loop가 이 실행에 대해 출력하는 줄들.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the selected lines, or the whole log when nothing is selected</source>
        <translation>선택한 줄을 복사합니다. 아무것도 선택하지 않았으면 로그 전체를 복사합니다</translation>
    </message>
    <message>
        <source>No printout: {reason}.</source>
        <translation>출력 없음: {reason}.</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Loss plot</source>
        <translation>손실 그래프</translation>
    </message>
    <message>
        <source>The training loss per epoch, on a log scale.</source>
        <translation>에포크마다의 학습 손실을 로그 눈금으로 보여 줍니다.</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Loss (mean squared error)</source>
        <translation>손실 (평균 제곱 오차)</translation>
    </message>
    <message>
        <source>The epoch shown: drag to look at another one; Esc goes back to the latest</source>
        <translation>지금 보이는 에포크입니다. 끌어서 다른 에포크를 보고, Esc를 누르면 가장 최근 에포크로 돌아갑니다</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <source>+1 earlier run (faded)</source>
        <translation>+이전 실행 1개 (흐리게)</translation>
    </message>
    <message>
        <source>+{n} earlier runs (faded)</source>
        <translation>+이전 실행 {n}개 (흐리게)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;System (follow the desktop)</source>
        <translation>시스템 설정 따르기(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>밝게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>어둡게(&amp;D)</translation>
    </message>
    <message>
        <source>{tip} ({shortcut})</source>
        <translation>{tip} ({shortcut})</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Train from the start values</source>
        <translation>시작값에서부터 학습합니다</translation>
    </message>
    <message>
        <source>Pause or resume training</source>
        <translation>학습을 일시 정지하거나 계속합니다</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <source>Run one epoch, then pause</source>
        <translation>에포크 하나만 실행하고 일시 정지합니다</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop training and keep the result</source>
        <translation>학습을 멈추고 결과는 남겨 둡니다</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Clear the run and go back to the start values</source>
        <translation>실행 결과를 지우고 시작값으로 돌아갑니다</translation>
    </message>
    <message>
        <source>Clear Compared Runs</source>
        <translation>비교용 이전 실행 지우기</translation>
    </message>
    <message>
        <source>Forget the faded curves of earlier runs in the loss plot and the landscape</source>
        <translation>손실 그래프와 손실 지형에 흐리게 남은 이전 실행의 곡선을 지웁니다</translation>
    </message>
    <message>
        <source>Clear runs</source>
        <translation>이전 실행 지우기</translation>
    </message>
    <message>
        <source>Earlier runs stay as faded curves for comparison; this clears them</source>
        <translation>이전 실행은 비교할 수 있도록 흐린 곡선으로 남습니다. 이 버튼은 그 곡선들을 지웁니다</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>하이퍼파라미터</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>측정값</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Plot Image…</source>
        <translation>그래프 이미지(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Copy Plot</source>
        <translation>그래프 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Training &amp;History (CSV)…</source>
        <translation>학습 기록 CSV(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Result (JSON)…</source>
        <translation>결과 JSON(&amp;R)…</translation>
    </message>
    <message>
        <source>PyTorch &amp;Script…</source>
        <translation>PyTorch 스크립트(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Jupyter Notebook…</source>
        <translation>Jupyter 노트북(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Colour Scheme</source>
        <translation>색 구성(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Show {tab}</source>
        <translation>{tab} 탭 열기</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Boo&amp;k</source>
        <translation>책(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ThermoGUI</source>
        <translation>ThermoGUI 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Residuals as &amp;Squares</source>
        <translation>잔차를 정사각형으로(&amp;S)</translation>
    </message>
    <message>
        <source>Draw each reading's residual and its square on the fit plot: the mean of the squares is the loss (MSE)</source>
        <translation>적합 그래프에 측정값마다 잔차와 그 제곱(정사각형)을 그립니다: 제곱들의 평균이 손실(MSE)입니다</translation>
    </message>
    <message>
        <source>°&amp;F Reference Line</source>
        <translation>°F 기준선(&amp;F)</translation>
    </message>
    <message>
        <source>Draw the exact law t_c = (t_u − 32)·5/9 beside the fit, and say why the fit differs</source>
        <translation>적합 옆에 정확한 법칙 t_c = (t_u − 32)·5/9를 그리고, 적합이 왜 다른지 알려 줍니다</translation>
    </message>
    <message>
        <source>Place &amp;My Line</source>
        <translation>내 직선 놓기(&amp;M)</translation>
    </message>
    <message>
        <source>Drag two handles on the fit plot to place a line by hand and read its loss</source>
        <translation>적합 그래프의 손잡이 두 개를 끌어 직선을 직접 놓고 그 손실을 읽습니다</translation>
    </message>
    <message>
        <source>Start from My &amp;Line</source>
        <translation>내 직선에서 시작(&amp;L)</translation>
    </message>
    <message>
        <source>Set the start values to your line and train</source>
        <translation>시작값을 내 직선으로 정하고 학습합니다</translation>
    </message>
    <message>
        <source>&amp;Back to Latest Epoch</source>
        <translation>최근 에포크로 돌아가기(&amp;B)</translation>
    </message>
    <message>
        <source>Stop looking back: show the run's latest epoch</source>
        <translation>되돌아보기를 멈추고 실행의 가장 최근 에포크를 보여 줍니다</translation>
    </message>
    <message>
        <source>Continue from &amp;Here</source>
        <translation>여기서부터 계속(&amp;H)</translation>
    </message>
    <message>
        <source>Start a new run from the epoch looked back at, with the current settings</source>
        <translation>되돌아본 에포크에서부터 현재 설정으로 새 실행을 시작합니다</translation>
    </message>
    <message>
        <source>Follow the desktop's colour scheme</source>
        <translation>데스크톱의 색 구성을 따릅니다</translation>
    </message>
    <message>
        <source>Use the light colour scheme, whatever the desktop uses</source>
        <translation>데스크톱 설정과 관계없이 밝은 색 구성을 씁니다</translation>
    </message>
    <message>
        <source>Use the dark colour scheme, whatever the desktop uses</source>
        <translation>데스크톱 설정과 관계없이 어두운 색 구성을 씁니다</translation>
    </message>
    <message>
        <source>Use the desktop's language ({language})</source>
        <translation>데스크톱의 언어({language})를 따릅니다</translation>
    </message>
    <message>
        <source>Show ThermoGUI in {language}</source>
        <translation>ThermoGUI를 이 언어로 표시합니다: {language}</translation>
    </message>
    <message>
        <source>Ready — press Start (F5) to train.</source>
        <translation>준비됨 — 시작(F5)을 누르면 학습합니다.</translation>
    </message>
    <message>
        <source>Cannot start: a reading being typed cannot be used (see the table).</source>
        <translation>시작할 수 없습니다: 입력 중인 측정값을 쓸 수 없습니다 (표를 보세요).</translation>
    </message>
    <message>
        <source>Cannot start: {reason}.</source>
        <translation>시작할 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>Cannot start: {reason}</source>
        <translation>시작할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Pausing…</source>
        <translation>일시 정지하는 중…</translation>
    </message>
    <message>
        <source>Training at full speed — Pause (F6) or Stop (Shift+F5). The readings are locked until the run ends.</source>
        <translation>최고 속도로 학습 중 — 일시 정지(F6) 또는 중지(Shift+F5). 실행이 끝날 때까지 측정값은 잠겨 있습니다.</translation>
    </message>
    <message>
        <source>Training at {speed} epoch/s — Pause (F6) or Stop (Shift+F5). The readings are locked until the run ends.</source>
        <translation>초당 {speed} 에포크로 학습 중 — 일시 정지(F6) 또는 중지(Shift+F5). 실행이 끝날 때까지 측정값은 잠겨 있습니다.</translation>
    </message>
    <message>
        <source>Training at {speed} epochs/s — Pause (F6) or Stop (Shift+F5). The readings are locked until the run ends.</source>
        <translation>초당 {speed} 에포크로 학습 중 — 일시 정지(F6) 또는 중지(Shift+F5). 실행이 끝날 때까지 측정값은 잠겨 있습니다.</translation>
    </message>
    <message>
        <source>Paused after epoch {epoch} — Resume (F6), Step (F10) or Stop. The loss shown is that epoch's, measured before its update; the line (or curve) is after it.</source>
        <translation>에포크 {epoch} 뒤에 일시 정지함 — 계속(F6), 한 단계(F10) 또는 중지. 보이는 손실은 그 에포크의 것으로 업데이트 전에 잰 값이고, 직선(또는 곡선)은 업데이트 후의 것입니다.</translation>
    </message>
    <message>
        <source>{headline} Final loss {loss} (at the final w, b).</source>
        <translation>{headline} 최종 손실 {loss} (최종 w, b에서).</translation>
    </message>
    <message>
        <source>{headline} Final loss {loss} (at the final parameters).</source>
        <translation>{headline} 최종 손실 {loss} (최종 파라미터에서).</translation>
    </message>
    <message>
        <source>stopped at epoch {epoch}</source>
        <translation>에포크 {epoch}에서 멈춤</translation>
    </message>
    <message>
        <source>Training could not run: {reason}</source>
        <translation>학습을 실행할 수 없었습니다: {reason}</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>학습 실패</translation>
    </message>
    <message>
        <source>Stop the run to change the learning rate.</source>
        <translation>학습률을 바꾸려면 실행을 중지하세요.</translation>
    </message>
    <message>
        <source>Learning rate set to {lr}. Press Start (F5).</source>
        <translation>학습률을 {lr}(으)로 정했습니다. 시작(F5)을 누르세요.</translation>
    </message>
    <message>
        <source>Show &amp;Hidden Units</source>
        <translation>은닉 유닛 보이기(&amp;H)</translation>
    </message>
    <message>
        <source>Draw each hidden unit of a network as a faint curve under its fit</source>
        <translation>신경망의 은닉 유닛 하나하나를 적합 곡선 아래에 흐린 곡선으로 그립니다</translation>
    </message>
    <message>
        <source>About ThermoGUI</source>
        <translation>ThermoGUI 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;ThermoGUI {version}&lt;/b&gt;&lt;p&gt;Watch gradient descent calibrate a thermometer: the example of chapter 5 of &lt;i&gt;Deep Learning with PyTorch&lt;/i&gt;, on your own readings.&lt;/p&gt;&lt;p&gt;Plain gradient descent is stable below the rate {two} ÷ (largest Hessian eigenvalue); the app shows that bound beside the learning rate.&lt;/p&gt;</source>
        <translation>&lt;b&gt;ThermoGUI {version}&lt;/b&gt;&lt;p&gt;경사 하강법이 온도계를 보정하는 과정을 지켜보세요. &lt;i&gt;Deep Learning with PyTorch&lt;/i&gt; 5장의 예제를 여러분의 측정값으로 실행합니다.&lt;/p&gt;&lt;p&gt;기본 경사 하강법은 학습률이 {two} ÷ (헤세 행렬의 가장 큰 고윳값)보다 작을 때 안정적입니다. 앱은 이 한계를 학습률 옆에 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Click or drag on the loss plot to look back at an earlier epoch of a paused or finished run; then the Left and Right arrow keys step one recorded epoch, Esc goes back to the latest.</source>
        <translation>일시 정지했거나 끝난 실행의 이전 에포크를 보려면 손실 그래프를 클릭하거나 드래그하세요. 그다음 왼쪽·오른쪽 화살표 키로 기록된 에포크를 하나씩 옮기고, Esc로 최신 에포크로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Stop the run to place your own line.</source>
        <translation>직접 직선을 놓으려면 실행을 중지하세요.</translation>
    </message>
    <message>
        <source>not offered: {reason}</source>
        <translation>사용할 수 없음: {reason}</translation>
    </message>
    <message>
        <source>my line: {line}, loss {loss}</source>
        <translation>내 직선: {line}, 손실 {loss}</translation>
    </message>
    <message>
        <source>{my_line} — not offered as a start for the network (it has no start values)</source>
        <translation>{my_line} — 신경망의 시작점으로는 쓸 수 없습니다 (신경망에는 시작값이 없습니다)</translation>
    </message>
    <message>
        <source>{my_line} — {refusal}</source>
        <translation>{my_line} — {refusal}</translation>
    </message>
    <message>
        <source>my line: {reason}</source>
        <translation>내 직선: {reason}</translation>
    </message>
    <message>
        <source>Cannot start from your line: {reason}.</source>
        <translation>내 직선에서 시작할 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>Looking back only: {reason}.</source>
        <translation>돌아보기만 할 수 있습니다: {reason}.</translation>
    </message>
    <message>
        <source>Cannot continue from epoch {epoch}: {reason}.</source>
        <translation>에포크 {epoch}에서 이어서 학습할 수 없습니다: {reason}.</translation>
    </message>
</context>
<context>
    <name>NetworkGradients</name>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>|gradient|</source>
        <translation>|기울기|</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>Gradient norm per layer</source>
        <translation>층별 기울기 크기</translation>
    </message>
    <message>
        <source>Columns: layer, gradient norm, parameters</source>
        <translation>열: 층, 기울기 크기, 파라미터 수</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <source>A network's gradient has one component per weight (autograd computes them all in one backward pass); per layer, its length says which layer is learning fastest.</source>
        <translation>신경망의 기울기는 가중치마다 성분이 하나씩 있습니다 (autograd가 한 번의 역방향 전달로 모두 계산합니다). 층별 길이는 어느 층이 가장 빠르게 학습하는지 보여 줍니다.</translation>
    </message>
    <message>
        <source>hidden layer weights (w1)</source>
        <translation>은닉층 가중치 (w1)</translation>
    </message>
    <message>
        <source>hidden layer biases (b1)</source>
        <translation>은닉층 편향 (b1)</translation>
    </message>
    <message>
        <source>output layer weights (w2)</source>
        <translation>출력층 가중치 (w2)</translation>
    </message>
    <message>
        <source>output layer bias (b2)</source>
        <translation>출력층 편향 (b2)</translation>
    </message>
    <message>
        <source>weight (w)</source>
        <translation>가중치 (w)</translation>
    </message>
    <message>
        <source>bias (b)</source>
        <translation>편향 (b)</translation>
    </message>
</context>
<context>
    <name>NetworkLandscape</name>
    <message>
        <source>Network loss landscape</source>
        <translation>신경망 손실 지형</translation>
    </message>
    <message>
        <source>A heat map of the loss along two random directions in weight space through the current weights (the dot at the centre).</source>
        <translation>현재 가중치(가운데 점)를 지나는 가중치 공간의 두 무작위 방향을 따라 본 손실의 히트맵.</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>손실 (로그 눈금)</translation>
    </message>
    <message>
        <source>Train the network (or start a run) to see its loss landscape.</source>
        <translation>손실 지형을 보려면 신경망을 학습시키세요 (또는 실행을 시작하세요).</translation>
    </message>
    <message>
        <source>The network has no (w, b) plane: this is the loss along two random directions through the current weights, each direction scaled per unit to that unit's weights (filter normalisation, Li et al. 2018). The centre is the current loss, {loss}; the lowest point shown is {low}.</source>
        <translation>신경망에는 (w, b) 평면이 없습니다: 현재 가중치를 지나는 두 무작위 방향을 따라 본 손실이며, 각 방향은 유닛마다 그 유닛의 가중치 크기에 맞춰 조정했습니다 (필터 정규화, Li 외 2018). 가운데가 현재 손실 {loss}, 보이는 가장 낮은 점은 {low}입니다.</translation>
    </message>
</context>
<context>
    <name>PanelTabs</name>
    <message>
        <source>Loss landscape</source>
        <translation>손실 지형</translation>
    </message>
    <message>
        <source>Gradient inspector</source>
        <translation>기울기 살펴보기</translation>
    </message>
    <message>
        <source>Results &amp;&amp; calibration</source>
        <translation>결과와 보정</translation>
    </message>
    <message>
        <source>Learning-rate sweep</source>
        <translation>학습률 탐색</translation>
    </message>
    <message>
        <source>Fit &amp;&amp; loss</source>
        <translation>적합과 손실</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>책</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Don't Save</source>
        <translation>저장 안 함(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>예(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>아니요(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>나중에(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ReadingsModel</name>
    <message>
        <source>Use</source>
        <translation>사용</translation>
    </message>
    <message>
        <source>t_u (unknown)</source>
        <translation>t_u (미지 단위)</translation>
    </message>
    <message>
        <source>t_c (°C)</source>
        <translation>t_c (°C)</translation>
    </message>
    <message>
        <source>Val</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Include this reading in training</source>
        <translation>이 측정값을 학습에 씁니다</translation>
    </message>
    <message>
        <source>Reading of the thermometer with unknown units</source>
        <translation>단위를 모르는 온도계로 잰 값</translation>
    </message>
    <message>
        <source>The same temperature in degrees Celsius</source>
        <translation>같은 온도를 섭씨(°C)로 나타낸 값</translation>
    </message>
    <message>
        <source>Validation reading: tick readings to choose the validation split yourself (the book prints its split: readings 3 and 11); untick all to use the seeded random share (Validation in the settings).</source>
        <translation>검증 측정값: 체크해서 검증에 쓸 측정값을 직접 고릅니다 (책이 보여 주는 분할은 3번과 11번 측정값입니다). 체크를 모두 풀면 시드로 고른 무작위 비율을 씁니다 (설정의 '검증').</translation>
    </message>
    <message>
        <source>Outlier: large residual</source>
        <translation>이상값: 잔차가 큼</translation>
    </message>
    <message>
        <source>Validation reading: measured, not trained on</source>
        <translation>검증 측정값: 잰 값이지만 학습에는 쓰지 않음</translation>
    </message>
    <message>
        <source>Marked as a validation reading, but excluded: not used at all</source>
        <translation>검증 측정값으로 표시했지만 제외됨: 전혀 쓰지 않음</translation>
    </message>
    <message>
        <source>new</source>
        <translation>새 행</translation>
    </message>
    <message>
        <source>New row: type t_u and t_c. It is not a reading (not in the fit, not in a run) until both are filled in.</source>
        <translation>새 행: t_u와 t_c를 입력하세요. 둘 다 입력하기 전까지는 측정값이 아닙니다 (적합에도, 실행에도 들어가지 않습니다).</translation>
    </message>
    <message>
        <source>t_u and t_c</source>
        <translation>t_u, t_c</translation>
    </message>
    <message>
        <source>{tip} Still empty: {cells}.</source>
        <translation>{tip} 아직 비어 있음: {cells}.</translation>
    </message>
    <message>
        <source>Mark reading {row} as validation</source>
        <translation>{row}번 측정값을 검증용으로 표시</translation>
    </message>
    <message>
        <source>Unmark reading {row} as validation</source>
        <translation>{row}번 측정값의 검증 표시 해제</translation>
    </message>
    <message>
        <source>Include row {row}</source>
        <translation>{row}행 사용</translation>
    </message>
    <message>
        <source>Exclude row {row}</source>
        <translation>{row}행 제외</translation>
    </message>
    <message>
        <source>Row {row}, {column}: {reason}</source>
        <translation>{row}행, {column}: {reason}</translation>
    </message>
    <message>
        <source>Set {column} in row {row} to {value}</source>
        <translation>{row}행의 {column} 값을 {value}(으)로 바꾸기</translation>
    </message>
    <message>
        <source>Row {row} (new), {column}: {reason}</source>
        <translation>{row}행(새 행), {column}: {reason}</translation>
    </message>
    <message>
        <source>Add reading {row} ({t_u}, {t_c})</source>
        <translation>{row}번 측정값 추가 ({t_u}, {t_c})</translation>
    </message>
    <message>
        <source>Clear new row {row}</source>
        <translation>새 행 {row} 비우기</translation>
    </message>
    <message>
        <source>Set {column} to {value} in new row {row}</source>
        <translation>새 행 {row}의 {column} 값을 {value}(으)로 바꾸기</translation>
    </message>
    <message>
        <source>Add new row {row}</source>
        <translation>새 행 {row} 추가</translation>
    </message>
    <message>
        <source>Add row {row}</source>
        <translation>{row}행 추가</translation>
    </message>
    <message>
        <source>Add {count} rows</source>
        <translation>{count}개 행 추가</translation>
    </message>
    <message>
        <source>Delete row {row}</source>
        <translation>{row}행 삭제</translation>
    </message>
    <message>
        <source>Delete {count} rows</source>
        <translation>{count}개 행 삭제</translation>
    </message>
    <message>
        <source>Replace data</source>
        <translation>데이터 바꾸기</translation>
    </message>
</context>
<context>
    <name>Readouts</name>
    <message>
        <source>⚠ Out of date: this result came from other readings or settings than the window now shows. Start (F5) runs the current ones.</source>
        <translation>⚠ 지난 결과: 지금 창에 보이는 것과 다른 측정값이나 설정으로 얻은 결과입니다. 시작(F5)을 누르면 지금 것으로 실행합니다.</translation>
    </message>
    <message>
        <source>No finished run yet.</source>
        <translation>아직 끝난 실행이 없습니다.</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>converged</source>
        <translation>수렴</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>non finite</source>
        <translation>유한하지 않음</translation>
    </message>
    <message>
        <source>{params}, … ({count} in all)</source>
        <translation>{params}, … (모두 {count}개)</translation>
    </message>
    <message>
        <source>{count} epoch</source>
        <translation>{count} 에포크</translation>
    </message>
    <message>
        <source>{count} epochs</source>
        <translation>{count} 에포크</translation>
    </message>
    <message>
        <source>, validation {loss}</source>
        <translation>, 검증 {loss}</translation>
    </message>
    <message>
        <source>Final loss {loss} (at the line shown){val}</source>
        <translation>최종 손실 {loss} (보이는 직선에서){val}</translation>
    </message>
    <message>
        <source>Final loss {loss} (at the curve shown){val}</source>
        <translation>최종 손실 {loss} (보이는 곡선에서){val}</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <source>Saved result: final loss {loss} after {epochs} epochs; {model}</source>
        <translation>저장된 결과: {epochs} 에포크 뒤 최종 손실 {loss}; {model}</translation>
    </message>
    <message>
        <source>Saved result: final loss {loss}; {model}</source>
        <translation>저장된 결과: 최종 손실 {loss}; {model}</translation>
    </message>
    <message>
        <source>The loss grew from {first} to {last} and stopped at epoch {epoch} (not finite).</source>
        <translation>손실이 {first}에서 {last}까지 커지다가 에포크 {epoch}에서 멈췄습니다 (유한하지 않음).</translation>
    </message>
    <message>
        <source>The loss was not finite from the start; the run stopped at epoch {epoch} (not finite).</source>
        <translation>손실이 처음부터 유한하지 않았습니다. 실행은 에포크 {epoch}에서 멈췄습니다 (유한하지 않음).</translation>
    </message>
    <message>
        <source>fell to {last}</source>
        <translation>{last}(으)로 줄었습니다</translation>
    </message>
    <message>
        <source>fell from {first} to {last}</source>
        <translation>{first}에서 {last}(으)로 줄었습니다</translation>
    </message>
    <message>
        <source>rose from {first} to {last}</source>
        <translation>{first}에서 {last}(으)로 늘었습니다</translation>
    </message>
    <message>
        <source>Stopped after {epochs} of {total}: the loss {change}; {model}</source>
        <translation>{total} 에포크 중 {epochs} 뒤에 중지함: 손실이 {change}; {model}</translation>
    </message>
    <message>
        <source>Loss {change} in {epochs} (converged early); {model}</source>
        <translation>{epochs} 동안 손실이 {change} (일찍 수렴함); {model}</translation>
    </message>
    <message>
        <source>Loss {change} in {epochs}; {model}</source>
        <translation>{epochs} 동안 손실이 {change}; {model}</translation>
    </message>
    <message>
        <source>The calibration shown in the plot, in raw units: °C from a reading t_u.</source>
        <translation>그래프에 보이는 보정식을 원래 단위로 나타냅니다: 측정값 t_u에서 °C를 구합니다.</translation>
    </message>
    <message>
        <source>The loss of epoch k is measured before that epoch's update, as the book prints it; the final loss is measured at the final parameters (the line or curve shown).</source>
        <translation>에포크 k의 손실은 책에 나온 대로 그 에포크의 업데이트 전에 잰 값입니다. 최종 손실은 최종 파라미터(보이는 직선이나 곡선)에서 잰 값입니다.</translation>
    </message>
    <message>
        <source>The gradient of epoch k, at the parameters before that epoch's update (model units).</source>
        <translation>에포크 k의 기울기로, 그 에포크의 업데이트 전 파라미터에서 잰 값입니다 (모델 단위).</translation>
    </message>
    <message>
        <source>The parameters in model units (the units training runs in, after the normalization), as the book prints them; the equation above shows the same model in raw units.</source>
        <translation>책에 나온 대로 모델 단위(정규화 뒤 학습이 실제로 쓰는 단위)의 파라미터입니다. 위의 식은 같은 모델을 원래 단위로 보여 줍니다.</translation>
    </message>
    <message>
        <source>The exact answer (least squares on the training readings) that gradient descent is walking towards.</source>
        <translation>경사 하강법이 다가가고 있는 정확한 답(학습 측정값의 최소제곱 해)입니다.</translation>
    </message>
    <message>
        <source>A network against the least-squares line of the same training readings: the loss on the readings it trained on and on the validation readings it never saw. Better on the first and worse on the second: it overfits.</source>
        <translation>같은 학습 측정값의 최소제곱 직선과 신경망을 비교합니다: 학습한 측정값에서의 손실과 한 번도 보지 않은 검증 측정값에서의 손실입니다. 앞의 것은 더 낫고 뒤의 것은 더 나쁘면 과적합입니다.</translation>
    </message>
    <message>
        <source>Show hidden units</source>
        <translation>은닉 유닛 보이기</translation>
    </message>
    <message>
        <source>Draw what each hidden unit adds, w2_j · tanh(w1_j · t_u + b1_j), as a faint curve under the fit: their sum plus the output bias b2 is the network's curve (also View ▸ Show Hidden Units).</source>
        <translation>은닉 유닛 하나하나가 더하는 값 w2_j · tanh(w1_j · t_u + b1_j)을 적합 곡선 아래에 흐린 곡선으로 그립니다. 이들의 합에 출력 편향 b2를 더한 것이 신경망의 곡선입니다 (보기 ▸ 은닉 유닛 보이기로도 켤 수 있습니다).</translation>
    </message>
    <message>
        <source>What the last run did, in one sentence.</source>
        <translation>마지막 실행이 한 일을 한 문장으로 알려 줍니다.</translation>
    </message>
    <message>
        <source>Back to latest (Esc)</source>
        <translation>최신으로 돌아가기 (Esc)</translation>
    </message>
    <message>
        <source>Show the run's latest epoch again</source>
        <translation>실행의 최신 에포크를 다시 보여 줍니다</translation>
    </message>
    <message>
        <source>Continue from here</source>
        <translation>여기서 이어서 학습</translation>
    </message>
    <message>
        <source>Start a new run from the parameters after this epoch's update, with the current settings</source>
        <translation>이 에포크의 업데이트 뒤 파라미터에서 지금 설정으로 새 실행을 시작합니다</translation>
    </message>
    <message>
        <source>The line through your two handles on the fit plot, in raw units, and its loss (mean squared error) on the training readings.</source>
        <translation>적합 그래프의 두 손잡이를 지나는 직선(원래 단위)과 학습 측정값에서의 그 손실(평균 제곱 오차)입니다.</translation>
    </message>
    <message>
        <source>Start from my line</source>
        <translation>내 직선에서 시작</translation>
    </message>
    <message>
        <source>{summary} (out of date: made with other readings or settings)</source>
        <translation>{summary} (지난 결과: 다른 측정값이나 설정으로 얻은 것)</translation>
    </message>
    <message>
        <source>The line shown minus the least-squares line, parameter by parameter, in raw units.</source>
        <translation>보이는 직선에서 최소제곱 직선을 파라미터별로 뺀 값입니다 (원래 단위).</translation>
    </message>
    <message>
        <source>The curve shown minus the least-squares curve, parameter by parameter, in raw units.</source>
        <translation>보이는 곡선에서 최소제곱 곡선을 파라미터별로 뺀 값입니다 (원래 단위).</translation>
    </message>
    <message>
        <source>{equation}, loss {loss}</source>
        <translation>{equation}, 손실 {loss}</translation>
    </message>
    <message>
        <source>— none in closed form for a network (not linear in its parameters); dashed: the least-squares line</source>
        <translation>— 신경망에는 닫힌 형태의 해가 없습니다 (파라미터에 대해 선형이 아님). 점선: 최소제곱 직선</translation>
    </message>
    <message>
        <source>— (needs {count} readings with different t_u)</source>
        <translation>— (t_u가 서로 다른 측정값이 {count}개 필요합니다)</translation>
    </message>
    <message>
        <source>Least squares (best possible): {answer}</source>
        <translation>최소제곱 (가능한 최선): {answer}</translation>
    </message>
    <message>
        <source>Start: {model}</source>
        <translation>시작: {model}</translation>
    </message>
    <message>
        <source>Not started — Start (F5) runs {epochs} epochs</source>
        <translation>시작 전 — 시작(F5)을 누르면 {epochs} 에포크를 실행합니다</translation>
    </message>
    <message>
        <source>Loss —</source>
        <translation>손실 —</translation>
    </message>
    <message>
        <source>Gradient —</source>
        <translation>기울기 —</translation>
    </message>
    <message>
        <source>Start (model units): {params}</source>
        <translation>시작값 (모델 단위): {params}</translation>
    </message>
    <message>
        <source>Start: the {model} seeded with {seed}</source>
        <translation>시작: 시드 {seed}로 초기화한 {model}</translation>
    </message>
    <message>
        <source>After epoch {epoch}: the curve shown; Show hidden units draws what each unit adds</source>
        <translation>에포크 {epoch} 뒤: 보이는 곡선입니다. 은닉 유닛 보이기를 켜면 유닛마다 더하는 값을 그립니다</translation>
    </message>
    <message>
        <source>After epoch {epoch}: the curve shown</source>
        <translation>에포크 {epoch} 뒤: 보이는 곡선</translation>
    </message>
    <message>
        <source>Gradient of epoch {epoch}  {gradient}</source>
        <translation>에포크 {epoch}의 기울기  {gradient}</translation>
    </message>
    <message>
        <source>After epoch {epoch} (model units): {params}</source>
        <translation>에포크 {epoch} 뒤 (모델 단위): {params}</translation>
    </message>
    <message>
        <source>Loss of epoch {epoch} {loss} (before its update){val}</source>
        <translation>에포크 {epoch}의 손실 {loss} (업데이트 전){val}</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs} — stopped: its loss {loss}{val} (before its update)</source>
        <translation>에포크 {epoch} / {epochs} — 중지됨: 그 손실 {loss}{val} (업데이트 전)</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs} — converged: its loss {loss}{val} (before its update)</source>
        <translation>에포크 {epoch} / {epochs} — 수렴함: 그 손실 {loss}{val} (업데이트 전)</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs} — finished: its loss {loss}{val} (before its update)</source>
        <translation>에포크 {epoch} / {epochs} — 끝남: 그 손실 {loss}{val} (업데이트 전)</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs}</source>
        <translation>에포크 {epoch} / {epochs}</translation>
    </message>
    <message>
        <source>final losses</source>
        <translation>최종 손실</translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation>에포크 {epoch}</translation>
    </message>
    <message>
        <source>Saved result: {reason} after {epochs} epochs</source>
        <translation>저장된 결과: {epochs} 에포크 뒤 {reason}</translation>
    </message>
    <message>
        <source>Saved result: {reason}</source>
        <translation>저장된 결과: {reason}</translation>
    </message>
    <message>
        <source>Gradient — (not stored; Start (F5) runs it again)</source>
        <translation>기울기 — (저장되지 않음. 시작(F5)을 누르면 다시 실행합니다)</translation>
    </message>
    <message>
        <source>saved result</source>
        <translation>저장된 결과</translation>
    </message>
    <message>
        <source>Against the least-squares line: — (no line can be fitted to these training readings)</source>
        <translation>최소제곱 직선과 비교: — (이 학습 측정값에는 직선을 맞출 수 없습니다)</translation>
    </message>
    <message>
        <source>The least-squares line to beat: training loss {loss}, validation {val}</source>
        <translation>이겨야 할 최소제곱 직선: 학습 손실 {loss}, 검증 {val}</translation>
    </message>
    <message>
        <source>The least-squares line to beat: training loss {loss} (no validation readings: tick some in the Val column to see overfitting)</source>
        <translation>이겨야 할 최소제곱 직선: 학습 손실 {loss} (검증 측정값 없음: 과적합을 보려면 Val 열에서 몇 개를 체크하세요)</translation>
    </message>
    <message>
        <source>Against the least-squares line ({when}): {comparison}</source>
        <translation>최소제곱 직선과 비교 ({when}): {comparison}</translation>
    </message>
    <message>
        <source>From least squares  {deltas}</source>
        <translation>최소제곱과의 차이  {deltas}</translation>
    </message>
    <message>
        <source> (the nearest recorded epoch)</source>
        <translation> (가장 가까운 기록된 에포크)</translation>
    </message>
    <message>
        <source>Looking back at epoch {epoch} of {epochs}{nearest}</source>
        <translation>에포크 {epoch} / {epochs}를 돌아보는 중{nearest}</translation>
    </message>
    <message>
        <source>Viewing epoch {epoch}{nearest} — the loss plot's cursor; click or drag there to look at another epoch.</source>
        <translation>에포크 {epoch}{nearest}를 보는 중 — 손실 그래프의 커서입니다. 다른 에포크를 보려면 그곳을 클릭하거나 드래그하세요.</translation>
    </message>
    <message>
        <source>Set the start values to your line (model units) and start training from it</source>
        <translation>시작값을 내 직선(모델 단위)으로 정하고 거기서 학습을 시작합니다</translation>
    </message>
</context>
<context>
    <name>ResidualPlot</name>
    <message>
        <source>Residual plot</source>
        <translation>잔차 그래프</translation>
    </message>
    <message>
        <source>The residual, measured minus fitted °C, of each reading against its t_u, with the zero line and the dashed outlier limits. The list below the plot names the largest residuals.</source>
        <translation>각 측정값의 잔차(측정 °C − 맞춘 °C)를 t_u에 대해 그리고, 0 선과 이상값 한계(점선)를 함께 보여 줍니다. 그래프 아래 목록에 가장 큰 잔차가 나옵니다.</translation>
    </message>
    <message>
        <source>Reading t_u (unknown units)</source>
        <translation>측정값 t_u (알 수 없는 단위)</translation>
    </message>
    <message>
        <source>Residual t_c − t_p (°C)</source>
        <translation>잔차 t_c − t_p (°C)</translation>
    </message>
    <message>
        <source>training readings</source>
        <translation>학습 측정값</translation>
    </message>
    <message>
        <source>validation readings</source>
        <translation>검증 측정값</translation>
    </message>
    <message>
        <source>outlier (beyond {k} × ±)</source>
        <translation>이상값 ({k} × ± 초과)</translation>
    </message>
</context>
<context>
    <name>ResultsExport</name>
    <message>
        <source>Nothing to export yet</source>
        <translation>아직 내보낼 것이 없습니다</translation>
    </message>
    <message>
        <source>Run the training first (Start, F5); this exports what the run recorded.</source>
        <translation>먼저 학습을 실행하세요(시작, F5). 이 메뉴는 실행이 기록한 것을 내보냅니다.</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}</source>
        <translation>{file}을(를) 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Could not write {path}:
{reason}
Any existing file was left unchanged.</source>
        <translation>{path}을(를) 쓸 수 없습니다:
{reason}
기존 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>Exported {file}.</source>
        <translation>{file}(으)로 내보냈습니다.</translation>
    </message>
    <message>
        <source>Export training history</source>
        <translation>학습 기록 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>결과 내보내기</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 파일 (*.json)</translation>
    </message>
    <message>
        <source>Cannot export the script: {reason}.</source>
        <translation>스크립트를 내보낼 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>Export as PyTorch script</source>
        <translation>PyTorch 스크립트로 내보내기</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python 파일 (*.py)</translation>
    </message>
    <message>
        <source>Cannot export the notebook: {reason}.</source>
        <translation>노트북을 내보낼 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>Export as Jupyter notebook</source>
        <translation>Jupyter 노트북으로 내보내기</translation>
    </message>
    <message>
        <source>Jupyter notebooks (*.ipynb)</source>
        <translation>Jupyter 노트북 (*.ipynb)</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>± is the RMS of the training residuals, √(mean of residual²) = √(training loss): the size of a typical error of the line on the readings it was fitted to (one spread, not 2σ).</source>
        <translation>±는 학습 잔차의 RMS, 곧 √(잔차² 평균) = √(학습 손실)입니다: 직선이 맞춰진 측정값에서 흔히 나는 오차의 크기입니다 (표준편차 하나, 2σ가 아님).</translation>
    </message>
    <message>
        <source>Root mean squared error (°C): the typical size of an error.</source>
        <translation>평균 제곱근 오차 (°C): 흔히 나는 오차의 크기.</translation>
    </message>
    <message>
        <source>Mean absolute error (°C): the average distance from the line.</source>
        <translation>평균 절대 오차 (°C): 직선까지의 평균 거리.</translation>
    </message>
    <message>
        <source>The share of the variation in t_c that the line explains (1 = perfect, 0 = no better than always guessing the mean).</source>
        <translation>t_c의 변동 가운데 직선이 설명하는 비율 (1 = 완벽, 0 = 늘 평균을 짐작하는 것보다 나을 게 없음).</translation>
    </message>
    <message>
        <source>Number of readings</source>
        <translation>측정값 개수</translation>
    </message>
    <message>
        <source>Fit quality</source>
        <translation>적합 품질</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>The largest residuals, largest first. A reading more than {k} × the ± away from the line is marked as an outlier and highlighted in the table.</source>
        <translation>가장 큰 잔차를 큰 것부터 보여 줍니다. 직선에서 ±의 {k}배보다 멀리 떨어진 측정값은 이상값으로 표시되고 표에서 강조됩니다.</translation>
    </message>
    <message>
        <source>Use the calibration</source>
        <translation>보정 사용하기</translation>
    </message>
    <message>
        <source>e.g. 60</source>
        <translation>예: 60</translation>
    </message>
    <message>
        <source>Type a reading of the unknown thermometer and press Enter.</source>
        <translation>알 수 없는 온도계의 측정값을 입력하고 Enter를 누르세요.</translation>
    </message>
    <message>
        <source>e.g. 20</source>
        <translation>예: 20</translation>
    </message>
    <message>
        <source>Type a temperature in °C and press Enter: the reading to expect.</source>
        <translation>온도(°C)를 입력하고 Enter를 누르세요: 예상되는 측정값을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Reading t_u to convert to °C</source>
        <translation>°C로 바꿀 측정값 t_u</translation>
    </message>
    <message>
        <source>Temperature in °C to convert to a reading</source>
        <translation>측정값으로 바꿀 온도(°C)</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>직선:</translation>
    </message>
    <message>
        <source>Reading t_u:</source>
        <translation>측정값 t_u:</translation>
    </message>
    <message>
        <source>Temperature °C:</source>
        <translation>온도 °C:</translation>
    </message>
    <message>
        <source>± = RMS of the training residuals (√ of the training loss): a typical error, not a guaranteed bound.</source>
        <translation>± = 학습 잔차의 RMS (학습 손실의 √): 흔히 나는 오차이지, 보장된 한계가 아닙니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Residuals&lt;/b&gt; — measured minus fitted °C for each reading; dashed: the outlier limits ± {k} × RMS</source>
        <translation>&lt;b&gt;잔차&lt;/b&gt; — 각 측정값의 측정 °C − 맞춘 °C; 점선: 이상값 한계 ± {k} × RMS</translation>
    </message>
    <message>
        <source>No result to show: {reason}</source>
        <translation>보여 줄 결과가 없습니다: {reason}</translation>
    </message>
    <message>
        <source>No validation readings: set a validation fraction to hold some readings out and check the line on data it has not seen.</source>
        <translation>검증 측정값이 없습니다: 검증 비율을 정해 측정값 일부를 떼어 두면, 직선이 보지 못한 데이터에서 확인할 수 있습니다.</translation>
    </message>
    <message>
        <source>Largest residuals (± = {spread} °C):</source>
        <translation>가장 큰 잔차 (± = {spread} °C):</translation>
    </message>
    <message>
        <source>⚠ outlier, {score} × ±</source>
        <translation>⚠ 이상값, {score} × ±</translation>
    </message>
    <message>
        <source>{score} × ±, within the usual spread</source>
        <translation>{score} × ±, 보통 범위 안</translation>
    </message>
    <message>
        <source>Row {row} (validation): residual {residual} °C — {verdict}</source>
        <translation>{row}행 (검증): 잔차 {residual} °C — {verdict}</translation>
    </message>
    <message>
        <source>Row {row}: residual {residual} °C — {verdict}</source>
        <translation>{row}행: 잔차 {residual} °C — {verdict}</translation>
    </message>
    <message>
        <source>No outliers: every reading is within {k} × ± of the line.</source>
        <translation>이상값 없음: 모든 측정값이 직선에서 {k} × ± 안에 있습니다.</translation>
    </message>
    <message>
        <source>A run ends up here when it diverges (the learning rate is too large for these readings): lower the learning rate, or normalize the readings, and run again.</source>
        <translation>실행이 발산하면 (이 측정값들에 비해 학습률이 너무 크면) 이렇게 됩니다: 학습률을 낮추거나 측정값을 정규화한 뒤 다시 실행하세요.</translation>
    </message>
    <message>
        <source>This run diverged: the line is not finite, so there are no residuals, R² or outliers to show.</source>
        <translation>이 실행은 발산했습니다: 직선이 유한하지 않아서 보여 줄 잔차, R², 이상값이 없습니다.</translation>
    </message>
    <message>
        <source>This line is nowhere near the readings: a typical residual is {rms} °C, more than {spans} × the readings' whole range of {span} °C. Residuals, R² and outliers mean nothing for such a line.</source>
        <translation>이 직선은 측정값과 전혀 맞지 않습니다: 흔한 잔차가 {rms} °C로, 측정값 전체 범위 {span} °C의 {spans}배가 넘습니다. 이런 직선에서는 잔차, R², 이상값이 아무 의미가 없습니다.</translation>
    </message>
    <message>
        <source>Results &amp; calibration is about the straight line: its residuals, outliers and the reading ↔ °C calculator use t_c = w·t_u + b. The model chosen for this run is {model}: choose the model “Line” and run it to use this tab.</source>
        <translation>결과와 보정은 직선에 대한 것입니다: 잔차, 이상값, 측정값 ↔ °C 계산기는 t_c = w·t_u + b를 씁니다. 이 실행에서 고른 모델은 {model}입니다: 이 탭을 쓰려면 모델 “직선”을 골라 실행하세요.</translation>
    </message>
    <message>
        <source>Train a model to see its residuals and outliers.</source>
        <translation>모델을 학습하면 잔차와 이상값을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>— (no fitted line yet)</source>
        <translation>— (아직 맞춘 직선이 없습니다)</translation>
    </message>
    <message>
        <source>⚠ Train a model first: there is no calibration yet.</source>
        <translation>⚠ 먼저 모델을 학습하세요: 아직 보정이 없습니다.</translation>
    </message>
    <message>
        <source>→ reading t_u = {reading} ± {spread}</source>
        <translation>→ 측정값 t_u = {reading} ± {spread}</translation>
    </message>
    <message>
        <source>⚠ Cannot convert: {reason}.</source>
        <translation>⚠ 변환할 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>  (t_u outside the readings' range {lo} to {hi}: an extrapolation)</source>
        <translation>  (t_u가 측정값 범위 {lo}~{hi} 밖에 있습니다: 외삽입니다)</translation>
    </message>
    <message>
        <source>⚠ This line is nowhere near the readings, so it cannot convert them: fix the run first.</source>
        <translation>⚠ 이 직선은 측정값과 전혀 맞지 않아서 변환할 수 없습니다: 먼저 실행을 고치세요.</translation>
    </message>
</context>
<context>
    <name>RunProgress</name>
    <message>
        <source>Training progress</source>
        <translation>학습 진행률</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>{done} of {total} epochs ({percent})</source>
        <translation>에포크 {done} / {total} ({percent})</translation>
    </message>
</context>
<context>
    <name>StopAlert</name>
    <message>
        <source>Training stopped</source>
        <translation>학습이 멈춤</translation>
    </message>
    <message>
        <source>&amp;Use a stable rate</source>
        <translation>안정적인 학습률 사용(&amp;U)</translation>
    </message>
    <message>
        <source>Normali&amp;ze input (× 0.1)</source>
        <translation>입력 정규화 (× 0.1)(&amp;Z)</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>다시 시도(&amp;Y)</translation>
    </message>
    <message>
        <source>D&amp;ismiss</source>
        <translation>닫기(&amp;I)</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>이 메시지를 숨깁니다</translation>
    </message>
    <message>
        <source>&amp;Use a stable rate ({lr})</source>
        <translation>안정적인 학습률 사용 ({lr})(&amp;U)</translation>
    </message>
</context>
<context>
    <name>SweepPanel</name>
    <message>
        <source>The smallest learning rate to try.</source>
        <translation>시도할 가장 작은 학습률입니다.</translation>
    </message>
    <message>
        <source>Smallest learning rate</source>
        <translation>가장 작은 학습률</translation>
    </message>
    <message>
        <source>The largest learning rate to try.</source>
        <translation>시도할 가장 큰 학습률입니다.</translation>
    </message>
    <message>
        <source>Largest learning rate</source>
        <translation>가장 큰 학습률</translation>
    </message>
    <message>
        <source>How many learning rates, evenly spaced on a log scale.</source>
        <translation>로그 눈금에서 고르게 나눈 학습률의 개수입니다.</translation>
    </message>
    <message>
        <source>Epochs each run trains for.</source>
        <translation>각 실행이 학습할 에포크 수입니다.</translation>
    </message>
    <message>
        <source>Number of learning rates</source>
        <translation>학습률 개수</translation>
    </message>
    <message>
        <source>Epochs per run</source>
        <translation>실행당 에포크</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>탐색 실행</translation>
    </message>
    <message>
        <source>Train once per learning rate, in the background, and plot where each run ended.</source>
        <translation>학습률마다 한 번씩 백그라운드에서 학습하고, 각 실행이 끝난 곳을 그래프에 그립니다.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Sweep progress</source>
        <translation>탐색 진행률</translation>
    </message>
    <message>
        <source>%v of %m runs</source>
        <translation>실행 %v / %m</translation>
    </message>
    <message>
        <source>bound {lr}</source>
        <translation>한계 {lr}</translation>
    </message>
    <message>
        <source>your lr {lr}</source>
        <translation>지금 lr {lr}</translation>
    </message>
    <message>
        <source>{reason} The sweep still shows which rates converge.</source>
        <translation>{reason} 탐색은 어떤 학습률이 수렴하는지는 여전히 보여 줍니다.</translation>
    </message>
    <message>
        <source>Running {runs} runs of {epochs} epochs…</source>
        <translation>{epochs} 에포크짜리 실행 {runs}개를 돌리는 중…</translation>
    </message>
    <message>
        <source>Cancelled after {count} runs. {summary}</source>
        <translation>실행 {count}개 뒤에 취소했습니다. {summary}</translation>
    </message>
    <message>
        <source>Cancelled after {count} runs.</source>
        <translation>실행 {count}개 뒤에 취소했습니다.</translation>
    </message>
    <message>
        <source>{summary} (The bound is for plain gradient descent; momentum and Adam move it.)</source>
        <translation>{summary} (이 한계는 기본 경사 하강법의 것입니다. 모멘텀과 Adam에서는 달라집니다.)</translation>
    </message>
    <message>
        <source>The sweep failed: {reason}</source>
        <translation>탐색에 실패했습니다: {reason}</translation>
    </message>
    <message>
        <source>Picked lr {lr}: press Enter to use it, Left / Right for another point.</source>
        <translation>lr {lr}을(를) 골랐습니다: Enter를 누르면 쓰고, 왼쪽 / 오른쪽 키로 다른 점을 고릅니다.</translation>
    </message>
    <message>
        <source>Picked lr {lr}: click another point to use its rate instead.</source>
        <translation>lr {lr}을(를) 골랐습니다: 다른 점을 클릭하면 그 학습률을 대신 씁니다.</translation>
    </message>
    <message>
        <source>Run a sweep to see which learning rates converge and which diverge.</source>
        <translation>탐색을 실행하면 어떤 학습률이 수렴하고 어떤 학습률이 발산하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Click a point to use its learning rate.</source>
        <translation>점을 클릭하면 그 학습률을 씁니다.</translation>
    </message>
    <message>
        <source>Learning rates from {from} to {to}</source>
        <translation>학습률 {from}부터 {to}까지</translation>
    </message>
    <message>
        <source>Try {count} rates, {epochs} epochs each</source>
        <translation>학습률 {count}개를 각각 {epochs} 에포크씩 시도</translation>
    </message>
    <message>
        <source>Learning-rate sweep plot</source>
        <translation>학습률 탐색 그래프</translation>
    </message>
    <message>
        <source>The loss after a fixed number of epochs against the learning rate, both on log scales: dots for runs that converged, crosses for runs that diverged, the stable-rate bound dashed. Left and Right pick a point, Enter uses its learning rate.</source>
        <translation>정해진 에포크 뒤의 손실을 학습률에 대해 그린 그래프로, 두 축 모두 로그 눈금입니다: 점은 수렴한 실행, 가위표는 발산한 실행, 점선은 안정 학습률 한계입니다. 왼쪽·오른쪽 키로 점을 고르고 Enter로 그 학습률을 씁니다.</translation>
    </message>
    <message>
        <source>Click a point to use its learning rate (or Left / Right, then Enter).</source>
        <translation>점을 클릭하면 그 학습률을 씁니다 (또는 왼쪽 / 오른쪽 키를 누른 뒤 Enter).</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Loss after {epochs} epochs</source>
        <translation>{epochs} 에포크 뒤의 손실</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>최종 손실</translation>
    </message>
    <message>
        <source>converging (loss fell)</source>
        <translation>수렴 (손실이 줄어듦)</translation>
    </message>
    <message>
        <source>diverged (loss grew; on the top row: became inf)</source>
        <translation>발산 (손실이 커짐; 맨 윗줄: inf가 됨)</translation>
    </message>
    <message>
        <source>stable-rate bound 2 / λmax (plain GD)</source>
        <translation>안정 학습률 한계 2 / λmax (기본 경사 하강법)</translation>
    </message>
    <message>
        <source>your learning rate</source>
        <translation>지금 학습률</translation>
    </message>
    <message>
        <source>The settings or readings changed since the last sweep: run it again.</source>
        <translation>지난 탐색 뒤로 설정이나 측정값이 바뀌었습니다: 다시 실행하세요.</translation>
    </message>
    <message>
        <source>A sweep needs at least 2 readings with different t_u.</source>
        <translation>탐색하려면 t_u가 서로 다른 측정값이 2개 이상 있어야 합니다.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
</context>
<context>
    <name>TeachingPanels</name>
    <message>
        <source>run {n}: {settings}</source>
        <translation>실행 {n}: {settings}</translation>
    </message>
    <message>
        <source>Stop the run to pick a new start point.</source>
        <translation>새 시작점을 고르려면 실행을 멈추세요.</translation>
    </message>
    <message>
        <source>Start set to {across} = {w}, {up} = {b} (model units). Press Start (F5).</source>
        <translation>시작값을 {across} = {w}, {up} = {b}(모델 단위)로 정했습니다. 시작(F5)을 누르세요.</translation>
    </message>
</context>
<context>
    <name>atomic</name>
    <message>
        <source>could not create a temporary file in {folder}</source>
        <translation>{folder}에 임시 파일을 만들 수 없습니다</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>all x are equal: the least-squares line is undefined</source>
        <translation>모든 x가 같습니다: 최소제곱 직선이 정해지지 않습니다</translation>
    </message>
    <message>
        <source>the fitted line is flat (w = 0), so it cannot be inverted</source>
        <translation>적합한 직선이 평평해서(w = 0) 역으로 풀 수 없습니다</translation>
    </message>
    <message>
        <source>line {n}: {why}</source>
        <translation>{n}번째 줄: {why}</translation>
    </message>
    <message>
        <source>{first}; {next}</source>
        <translation>{first}; {next}</translation>
    </message>
    <message>
        <source>{problems}; and {count} more</source>
        <translation>{problems}; 그 밖에 {count}개 더</translation>
    </message>
    <message>
        <source>the value is too long for a reading (at most {max} characters)</source>
        <translation>측정값으로 쓰기에 너무 긴 값입니다 (최대 {max}자)</translation>
    </message>
    <message>
        <source>{text} is too long for a reading (at most {max} characters)</source>
        <translation>{text}은(는) 측정값으로 쓰기에 너무 깁니다 (최대 {max}자)</translation>
    </message>
    <message>
        <source>the cell is empty; type a number such as 35.7</source>
        <translation>칸이 비어 있습니다. 35.7 같은 숫자를 입력하세요</translation>
    </message>
    <message>
        <source>'{text}' is ambiguous: a decimal comma ({point}) or a thousands separator ({grouped})? Type {point} or {grouped}</source>
        <translation>'{text}'은(는) 모호합니다: 소수점 쉼표({point})인가요, 천 단위 구분 기호({grouped})인가요? {point}와 {grouped} 중 하나를 입력하세요</translation>
    </message>
    <message>
        <source>{text} is not a finite number; readings must be real measurements</source>
        <translation>{text}은(는) 유한한 숫자가 아닙니다. 측정값은 실제로 잰 값이어야 합니다</translation>
    </message>
    <message>
        <source>{text} is not a number; type digits like 35.7 or 1.2e3</source>
        <translation>{text}은(는) 숫자가 아닙니다. 35.7이나 1.2e3처럼 숫자로 입력하세요</translation>
    </message>
    <message>
        <source>{text} is too large; readings must be within ±{max}</source>
        <translation>{text}은(는) 너무 큽니다. 측정값은 ±{max} 범위 안에 있어야 합니다</translation>
    </message>
    <message>
        <source>t_u has {n_u} values but t_c has {n_c}</source>
        <translation>t_u 값은 {n_u}개인데 t_c 값은 {n_c}개입니다</translation>
    </message>
    <message>
        <source>the include mask does not match the readings</source>
        <translation>사용 여부 표시가 측정값과 맞지 않습니다</translation>
    </message>
    <message>
        <source>the validation mask does not match the readings</source>
        <translation>검증 표시가 측정값과 맞지 않습니다</translation>
    </message>
    <message>
        <source>{name} = {value} is not a finite reading</source>
        <translation>{name} = {value}: 유한한 측정값이 아닙니다</translation>
    </message>
    <message>
        <source>at least 2 included readings are needed to fit a line (there are {count})</source>
        <translation>직선을 맞추려면 사용하는 측정값이 2개 이상 있어야 합니다 (지금 {count}개)</translation>
    </message>
    <message>
        <source>all included t_u readings are equal, so no line can be fitted; vary t_u</source>
        <translation>사용하는 t_u 측정값이 모두 같아서 직선을 맞출 수 없습니다. t_u 값을 다르게 하세요</translation>
    </message>
    <message>
        <source>there is no reading {row} (the readings are numbered 1 to {count})</source>
        <translation>{row}번 측정값은 없습니다 (측정값 번호는 1부터 {count}까지입니다)</translation>
    </message>
    <message>
        <source>'{start}…' ({count} characters)</source>
        <translation>'{start}…' ({count}자)</translation>
    </message>
    <message>
        <source>Stopped at epoch {epoch}: the loss became {what} (not finite).</source>
        <translation>에포크 {epoch}에서 멈춤: 손실이 {what}이(가) 되었습니다 (유한하지 않음).</translation>
    </message>
    <message>
        <source>Learning rate {lr} is {ratio}× the largest stable rate {lr_max} for this data — each step overshoots the minimum by more than it gains, so the error grows every epoch. Lower the learning rate or normalize the input.</source>
        <translation>학습률 {lr}은(는) 이 데이터에서 안정적인 최대 학습률 {lr_max}의 {ratio}배입니다 — 한 단계마다 최솟값을 지나치는 폭이 다가가는 폭보다 커서, 오차가 에포크마다 커집니다(발산). 학습률을 낮추거나 입력을 정규화하세요.</translation>
    </message>
    <message>
        <source>Learning rate {lr} is {ratio}× the largest stable rate {lr_max} for this data — each step overshoots the minimum by more than it gains, so the error grows every epoch. Lower the learning rate.</source>
        <translation>학습률 {lr}은(는) 이 데이터에서 안정적인 최대 학습률 {lr_max}의 {ratio}배입니다 — 한 단계마다 최솟값을 지나치는 폭이 다가가는 폭보다 커서, 오차가 에포크마다 커집니다(발산). 학습률을 낮추세요.</translation>
    </message>
    <message>
        <source>The steps grew until the numbers overflowed. Lower the learning rate (now {lr}) or normalize the input.</source>
        <translation>단계가 점점 커져서 수가 넘쳤습니다(발산). 학습률(지금 {lr})을 낮추거나 입력을 정규화하세요.</translation>
    </message>
    <message>
        <source>The steps grew until the numbers overflowed. Lower the learning rate (now {lr}).</source>
        <translation>단계가 점점 커져서 수가 넘쳤습니다(발산). 학습률(지금 {lr})을 낮추세요.</translation>
    </message>
    <message>
        <source>Converged at epoch {epoch}: every gradient is below the tolerance.</source>
        <translation>에포크 {epoch}에서 수렴: 모든 기울기가 허용 오차보다 작습니다.</translation>
    </message>
    <message>
        <source>Stopped by you after epoch {epoch}.</source>
        <translation>에포크 {epoch} 뒤에 사용자가 중지했습니다.</translation>
    </message>
    <message>
        <source>Completed {epochs} epochs.</source>
        <translation>{epochs} 에포크를 마쳤습니다.</translation>
    </message>
    <message>
        <source>Ran {epochs} epochs, but the loss became inf or nan at epoch {epoch} and stayed so (this session keeps training when the loss is not finite).</source>
        <translation>{epochs} 에포크를 실행했지만 에포크 {epoch}에서 손실이 inf 또는 nan이 되어 그대로 남았습니다 (이 세션은 손실이 유한하지 않아도 학습을 계속합니다).</translation>
    </message>
    <message>
        <source>stable limit for plain GD: {lr_max}</source>
        <translation>기본 경사 하강법의 안정 한계: {lr_max}</translation>
    </message>
    <message>
        <source>⚠ {ratio}× the stable limit {lr_max}: expect the loss to explode</source>
        <translation>⚠ 안정 한계 {lr_max}의 {ratio}배: 손실이 발산할 것입니다</translation>
    </message>
    <message>
        <source>stable up to {lr_max}</source>
        <translation>{lr_max}까지 안정적</translation>
    </message>
    <message>
        <source>t_c = {dash} (the parameters are no longer finite)</source>
        <translation>t_c = {dash} (파라미터가 더 이상 유한하지 않습니다)</translation>
    </message>
    <message>
        <source>{times}× the minimum loss</source>
        <translation>최소 손실의 {times}배</translation>
    </message>
    <message>
        <source>{pct} % above the minimum</source>
        <translation>최솟값보다 {pct} % 위</translation>
    </message>
    <message>
        <source>no stable-rate bound for a torch.nn module</source>
        <translation>torch.nn 모듈에는 안정적인 학습률의 한계가 없습니다</translation>
    </message>
    <message>
        <source>{note} · condition number {condition}</source>
        <translation>{note} · 조건수 {condition}</translation>
    </message>
    <message>
        <source>{note}
✓ reached: within {pct} of the minimum</source>
        <translation>{note}
✓ 도달: 최솟값의 {pct} 이내</translation>
    </message>
    <message>
        <source>{note}
not reached: {excess}</source>
        <translation>{note}
도달하지 못함: {excess}</translation>
    </message>
    <message>
        <source>{note}
already within {pct} of the minimum</source>
        <translation>{note}
이미 최솟값의 {pct} 이내</translation>
    </message>
    <message>
        <source>{note}
≤ {epochs} epochs to {pct} ({planned} set)</source>
        <translation>{note}
{pct}까지 ≤ {epochs} 에포크 ({planned}로 설정됨)</translation>
    </message>
    <message>
        <source>{note}
≤ {epochs} epochs to {pct} of the minimum</source>
        <translation>{note}
최솟값의 {pct}까지 ≤ {epochs} 에포크</translation>
    </message>
    <message>
        <source>better</source>
        <translation>더 나음</translation>
    </message>
    <message>
        <source>as good</source>
        <translation>같음</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>더 나쁨</translation>
    </message>
    <message>
        <source>training {loss} vs the line's {line} — {verdict}</source>
        <translation>학습 {loss} 대 직선의 {line} — {verdict}</translation>
    </message>
    <message>
        <source>{training}; no validation readings to tell whether it overfits (tick some in the Val column)</source>
        <translation>{training}; 과적합인지 알려 줄 검증 측정값이 없습니다 (Val 열에서 몇 개를 체크하세요)</translation>
    </message>
    <message>
        <source>{training}; validation {loss} vs {line} — {verdict}</source>
        <translation>{training}; 검증 {loss} 대 {line} — {verdict}</translation>
    </message>
    <message>
        <source>{comparison}: it overfits</source>
        <translation>{comparison}: 과적합입니다</translation>
    </message>
    <message>
        <source>{comparison}: it beats the line on both</source>
        <translation>{comparison}: 둘 다 직선보다 낫습니다</translation>
    </message>
    <message>
        <source>Gradient of epoch {epoch}  |∇L| = {norm} over {n} parameters</source>
        <translation>에포크 {epoch}의 기울기  파라미터 {n}개에 걸친 |∇L| = {norm}</translation>
    </message>
    <message>
        <source>{label} must be true or false (got {got})</source>
        <translation>{label}: true 또는 false만 쓸 수 있습니다 (입력값: {got})</translation>
    </message>
    <message>
        <source>{label} must be a number (got {got})</source>
        <translation>{label}: 숫자여야 합니다 (입력값: {got})</translation>
    </message>
    <message>
        <source>{label} must be a finite number (got {got})</source>
        <translation>{label}: 유한한 숫자여야 합니다 (입력값: {got})</translation>
    </message>
    <message>
        <source>{label} must be {range} (got {got})</source>
        <translation>{label}: 허용 범위는 {range}입니다 (입력값: {got})</translation>
    </message>
    <message>
        <source>{label}: '{start}…' is too long ({count} characters) to be a number</source>
        <translation>{label}: '{start}…'은(는) 숫자로 읽기에 너무 깁니다 ({count}자)</translation>
    </message>
    <message>
        <source>{label} is empty; type {example}</source>
        <translation>{label}: 비어 있습니다. {example}를 입력하세요</translation>
    </message>
    <message>
        <source>{label}: '{text}' is not a number; type {example}</source>
        <translation>{label}: '{text}'은(는) 숫자가 아닙니다. {example}를 입력하세요</translation>
    </message>
    <message>
        <source>{label} must be a whole number (got '{text}')</source>
        <translation>{label}: 정수여야 합니다 (입력값: '{text}')</translation>
    </message>
    <message>
        <source>{label}: '{text}' is ambiguous — {point} or {grouped}? Type one of them</source>
        <translation>{label}: '{text}'은(는) 모호합니다 — {point}인가요, {grouped}인가요? 둘 중 하나로 입력하세요</translation>
    </message>
    <message>
        <source>a whole number such as 5000</source>
        <translation>5000 같은 정수</translation>
    </message>
    <message>
        <source>a number such as 0.01 or 1e-4</source>
        <translation>0.01이나 1e-4 같은 숫자</translation>
    </message>
    <message>
        <source>straight line</source>
        <translation>직선</translation>
    </message>
    <message>
        <source>quadratic</source>
        <translation>2차 모델</translation>
    </message>
    <message>
        <source>network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>The fit differs from the exact law because the readings are noisy and few: it minimises the squared error on these readings, not the distance to the true law.</source>
        <translation>측정값에 잡음이 있고 수가 적어서 적합 결과가 정확한 법칙과 다릅니다: 적합은 참 법칙까지의 거리가 아니라 이 측정값들의 제곱 오차를 최소로 만듭니다.</translation>
    </message>
    <message>
        <source>The fit differs from the exact law because the readings are noisy and there are only {n} of them: it minimises the squared error on these readings (the law's MSE on them is {law}, the best line's {best}), not the distance to the true law.</source>
        <translation>측정값에 잡음이 있고 {n}개뿐이라서 적합 결과가 정확한 법칙과 다릅니다: 적합은 참 법칙까지의 거리가 아니라 이 측정값들의 제곱 오차를 최소로 만듭니다 (이 측정값에서 법칙의 MSE는 {law}, 최선의 직선은 {best}).</translation>
    </message>
    <message>
        <source>the two handles are above each other: move one sideways to define a line</source>
        <translation>두 손잡이가 위아래로 겹쳐 있습니다: 직선을 정하려면 하나를 옆으로 옮기세요</translation>
    </message>
    <message>
        <source>the network starts from its seeded random weights: it has no start values to set (choose the line, the quadratic or nn.Linear(1, 1))</source>
        <translation>신경망은 시드로 정한 무작위 가중치에서 시작하므로 정할 시작값이 없습니다 (직선, 2차 모델 또는 nn.Linear(1, 1)을 고르세요)</translation>
    </message>
    <message>
        <source>a network's weights cannot be the start of the {model}</source>
        <translation>신경망의 가중치는 {model}의 시작값이 될 수 없습니다</translation>
    </message>
    <message>
        <source>these parameters are no longer finite: pick an earlier epoch, before the run blew up</source>
        <translation>이 파라미터는 더 이상 유한하지 않습니다: 실행이 발산하기 전의 더 이른 에포크를 고르세요</translation>
    </message>
    <message>
        <source>the {model} has no t_u² term to start from: choose the model {source}</source>
        <translation>{model}에는 시작할 t_u² 항이 없습니다: 모델을 {source}(으)로 고르세요</translation>
    </message>
    <message>
        <source>{reason}: the run cannot start there</source>
        <translation>{reason}: 그곳에서는 실행을 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>nn.Linear(1, 1): 2 parameters</source>
        <translation>nn.Linear(1, 1): 파라미터 2개</translation>
    </message>
    <message>
        <source>{hidden} hidden unit, {size} parameters</source>
        <translation>은닉 유닛 {hidden}개, 파라미터 {size}개</translation>
    </message>
    <message>
        <source>{hidden} hidden units, {size} parameters</source>
        <translation>은닉 유닛 {hidden}개, 파라미터 {size}개</translation>
    </message>
    <message>
        <source>t_c = network({size})</source>
        <translation>t_c = 신경망({size})</translation>
    </message>
    <message>
        <source>all training t_u readings are equal, so z-score normalization is impossible</source>
        <translation>학습에 쓰는 t_u 측정값이 모두 같아서 Z-점수 정규화를 할 수 없습니다</translation>
    </message>
    <message>
        <source>a validation fraction of {fraction} leaves {left} of {n} readings to train on; at least 2 are needed: lower the fraction or add readings</source>
        <translation>검증 비율 {fraction}(이)면 측정값 {n}개 중 {left}개만 학습에 남습니다. 2개 이상 있어야 합니다: 비율을 낮추거나 측정값을 더하세요</translation>
    </message>
    <message>
        <source>{marked} of the {n} included readings are marked as validation readings, which leaves {left} to train on; at least 2 are needed: unmark some</source>
        <translation>사용하는 측정값 {n}개 중 {marked}개가 검증 측정값으로 표시되어 학습에는 {left}개만 남습니다. 2개 이상 있어야 합니다: 몇 개의 표시를 지우세요</translation>
    </message>
    <message>
        <source>all training t_u readings are equal (or too close to tell apart), so no line can be fitted</source>
        <translation>학습에 쓰는 t_u 측정값이 모두 같아서(또는 구별할 수 없을 만큼 가까워서) 직선을 맞출 수 없습니다</translation>
    </message>
    <message>
        <source>add at least 2 readings with different t_u</source>
        <translation>t_u가 서로 다른 측정값을 2개 이상 넣으세요</translation>
    </message>
</context>
<context>
    <name>csvio</name>
    <message>
        <source>a quote (") is opened but not closed on this line</source>
        <translation>이 줄에서 따옴표(")가 열렸지만 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>a value is longer than {limit} characters, far too long for a reading</source>
        <translation>값이 {limit}자보다 깁니다. 측정값으로는 너무 깁니다</translation>
    </message>
    <message>
        <source>the line cannot be read as CSV ({error})</source>
        <translation>이 줄은 CSV로 읽을 수 없습니다 ({error})</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>탭</translation>
    </message>
    <message>
        <source>semicolons (;)</source>
        <translation>세미콜론(;)</translation>
    </message>
    <message>
        <source>commas (,)</source>
        <translation>쉼표(,)</translation>
    </message>
    <message>
        <source>the file has no readings (it is empty or only comments)</source>
        <translation>파일에 측정값이 없습니다 (비어 있거나 주석뿐입니다)</translation>
    </message>
    <message>
        <source>the header names {width} columns</source>
        <translation>머리글에 열이 {width}개 있습니다</translation>
    </message>
    <message>
        <source>a line holds at most 3 (t_u, t_c, include)</source>
        <translation>한 줄에는 값이 최대 3개(t_u, t_c, include)입니다</translation>
    </message>
    <message>
        <source>include must be 1 or 0, not {value}</source>
        <translation>include는 1이나 0이어야 합니다 ({value}은(는) 안 됩니다)</translation>
    </message>
    <message>
        <source>val must be 1 (a validation reading) or 0, not {value}</source>
        <translation>val은 1(검증 측정값)이나 0이어야 합니다 ({value}은(는) 안 됩니다)</translation>
    </message>
    <message>
        <source>the file has a header but no readings</source>
        <translation>파일에 머리글은 있지만 측정값이 없습니다</translation>
    </message>
    <message>
        <source>, or "{pair}" in quotes if the comma is a decimal comma</source>
        <translation>, 또는 쉼표가 소수점이라면 따옴표로 "{pair}"처럼 쓰세요</translation>
    </message>
    <message>
        <source>'{pair}' looks like one number written with a thousands separator, but commas separate the values in this file: write {number}{decimal}</source>
        <translation>'{pair}'은(는) 천 단위 구분 기호를 넣어 쓴 숫자 하나로 보이지만, 이 파일에서는 쉼표가 값을 나눕니다: {number}(으)로 쓰세요{decimal}</translation>
    </message>
    <message>
        <source>; this line uses {other}, but this file's values are separated by {sep} (line {line})</source>
        <translation>; 이 줄은 {other}을(를) 쓰지만, 이 파일의 값은 {sep}(으)로 나뉩니다 ({line}번째 줄)</translation>
    </message>
    <message>
        <source>expected 2 values ({pair}), found {found}{hint}</source>
        <translation>값 2개({pair})가 있어야 하는데 {found}개입니다{hint}</translation>
    </message>
    <message>
        <source> — is a number written with a thousands separator (1,000)? Write 1000</source>
        <translation> — 숫자에 천 단위 구분 기호(1,000)를 넣었나요? 1000으로 쓰세요</translation>
    </message>
    <message>
        <source>found {found} values, but {too_many}{hint}</source>
        <translation>값이 {found}개 있지만 {too_many}{hint}</translation>
    </message>
    <message>
        <source>a CSV file</source>
        <translation>CSV 파일</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <source>the PyTorch script export does not know how to write the {model} yet</source>
        <translation>PyTorch 스크립트 내보내기는 아직 {model}을(를) 쓸 줄 모릅니다</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>one of {values}</source>
        <translation>{values} 중 하나</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 또는 false</translation>
    </message>
    <message>
        <source>a whole number from {lo} to {hi}</source>
        <translation>{lo}부터 {hi}까지의 정수</translation>
    </message>
    <message>
        <source>a whole number greater than {lo} and to {hi}</source>
        <translation>{lo} 초과 {hi} 이하의 정수</translation>
    </message>
    <message>
        <source>a whole number from {lo} and below {hi}</source>
        <translation>{lo} 이상 {hi} 미만의 정수</translation>
    </message>
    <message>
        <source>a whole number greater than {lo} and below {hi}</source>
        <translation>{lo} 초과 {hi} 미만의 정수</translation>
    </message>
    <message>
        <source>at least {lo} and at most {hi}</source>
        <translation>{lo} 이상 {hi} 이하</translation>
    </message>
    <message>
        <source>greater than {lo} and at most {hi}</source>
        <translation>{lo} 초과 {hi} 이하</translation>
    </message>
    <message>
        <source>at least {lo} and below {hi}</source>
        <translation>{lo} 이상 {hi} 미만</translation>
    </message>
    <message>
        <source>greater than {lo} and below {hi}</source>
        <translation>{lo} 초과 {hi} 미만</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>What is fitted: the book's straight line t_c = w·t_u + b, the chapter's exercise t_c = w2·t_u² + w1·t_u + b, or chapter 6's torch modules: nn.Linear(1, 1) and a small network Linear(1, H) → Tanh → Linear(H, 1).</source>
        <translation>무엇을 맞출지 고릅니다: 책의 직선 t_c = w·t_u + b, 이 장의 연습 문제 t_c = w2·t_u² + w1·t_u + b, 또는 6장의 torch 모듈인 nn.Linear(1, 1)과 작은 신경망 Linear(1, H) → Tanh → Linear(H, 1).</translation>
    </message>
    <message>
        <source>Line  w·t_u + b</source>
        <translation>직선  w·t_u + b</translation>
    </message>
    <message>
        <source>Quadratic  w2·t_u² + w1·t_u + b</source>
        <translation>2차식  w2·t_u² + w1·t_u + b</translation>
    </message>
    <message>
        <source>Network  Linear → Tanh → Linear</source>
        <translation>신경망  Linear → Tanh → Linear</translation>
    </message>
    <message>
        <source>hidden units</source>
        <translation>은닉 유닛</translation>
    </message>
    <message>
        <source>Neurons in the network's hidden layer (the book's text uses 13, its trained run 8).</source>
        <translation>신경망의 은닉층에 있는 뉴런 수입니다 (책 본문은 13개, 책에서 학습시킨 실행은 8개를 씁니다).</translation>
    </message>
    <message>
        <source>arithmetic</source>
        <translation>연산 방식</translation>
    </message>
    <message>
        <source>Book: the chapter's float32 loop over every reading, digit for digit.  Fast: float64 from the sums XᵀX, Xᵀy and yᵀy computed once — the gradient of the mean squared error needs nothing else, so an epoch costs the same for 11 or a million readings.</source>
        <translation>책: 이 장의 float32 반복문이 측정값을 하나씩 모두 계산하며, 숫자 하나하나까지 책과 같습니다.  빠름: 한 번 계산해 둔 합 XᵀX, Xᵀy, yᵀy로 float64 계산을 합니다 — 평균 제곱 오차의 기울기에는 이것만 있으면 되므로, 측정값이 11개든 백만 개든 에포크 하나에 드는 시간이 같습니다.</translation>
    </message>
    <message>
        <source>Book float32</source>
        <translation>책 float32</translation>
    </message>
    <message>
        <source>Fast float64 (exact sums)</source>
        <translation>빠른 float64 (정확한 합)</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>How far each step moves the parameters along the negative gradient; too large and the loss explodes.</source>
        <translation>각 단계에서 파라미터를 기울기의 반대 방향으로 얼마나 움직일지 정합니다. 너무 크면 손실이 폭발합니다.</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>How many passes over the data (one update per epoch).</source>
        <translation>데이터 전체를 몇 번 훑을지 정합니다 (에포크마다 한 번 갱신합니다).</translation>
    </message>
    <message>
        <source>start w2</source>
        <translation>시작 w2</translation>
    </message>
    <message>
        <source>The t_u² coefficient w2 to start from, in model units.</source>
        <translation>시작할 t_u² 계수 w2의 값입니다 (모델 단위).</translation>
    </message>
    <message>
        <source>start w</source>
        <translation>시작 w</translation>
    </message>
    <message>
        <source>The slope w (w1 in the quadratic) to start from, in model units (after normalization, as the book gives it).</source>
        <translation>시작할 가중치 w(2차식에서는 w1)의 값입니다. 책에 나온 대로, 정규화를 적용한 뒤의 모델 단위로 씁니다.</translation>
    </message>
    <message>
        <source>start b</source>
        <translation>시작 b</translation>
    </message>
    <message>
        <source>The offset b to start from, in model units.</source>
        <translation>시작할 편향 b의 값입니다 (모델 단위).</translation>
    </message>
    <message>
        <source>normalization</source>
        <translation>정규화</translation>
    </message>
    <message>
        <source>Rescale t_u before training so w and b get gradients of similar size.</source>
        <translation>학습 전에 t_u의 크기를 바꿔서 w와 b의 기울기가 비슷한 크기가 되게 합니다.</translation>
    </message>
    <message>
        <source>None (raw t_u)</source>
        <translation>없음 (원래 t_u)</translation>
    </message>
    <message>
        <source>Scale × factor</source>
        <translation>배율 곱하기 (× 계수)</translation>
    </message>
    <message>
        <source>Z-score</source>
        <translation>Z-점수</translation>
    </message>
    <message>
        <source>scale factor</source>
        <translation>배율 계수</translation>
    </message>
    <message>
        <source>The factor t_u is multiplied by (the book uses 0.1).</source>
        <translation>t_u에 곱하는 계수입니다 (책은 0.1을 씁니다).</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>기울기</translation>
    </message>
    <message>
        <source>Compute the gradient with the chain-rule formulas from the book, or let autograd derive it.</source>
        <translation>책에 나온 연쇄 법칙 공식으로 기울기를 직접 계산하거나, autograd가 구하게 합니다.</translation>
    </message>
    <message>
        <source>By hand (chain rule)</source>
        <translation>직접 계산 (연쇄 법칙)</translation>
    </message>
    <message>
        <source>Autograd</source>
        <translation>Autograd</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>How the gradient turns into a step: the book's gradient descent (with momentum if set), or Adam.</source>
        <translation>기울기로 한 걸음을 정하는 방법입니다: 책의 경사 하강법(모멘텀을 정하면 모멘텀과 함께) 또는 Adam.</translation>
    </message>
    <message>
        <source>Gradient descent (SGD)</source>
        <translation>경사 하강법 (SGD)</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>Fraction of the previous step carried into the next (0 = the book's plain gradient descent).</source>
        <translation>이전 걸음을 다음 걸음에 얼마나 이어 갈지의 비율입니다 (0 = 책의 기본 경사 하강법).</translation>
    </message>
    <message>
        <source>validation fraction</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <source>Share of the readings held out (chosen by the seed) to measure the loss on points not trained on.</source>
        <translation>학습에 쓰지 않은 점에서 손실을 재기 위해 떼어 두는 측정값의 비율입니다 (어느 것을 뗄지는 시드로 정합니다).</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Seed for the random choice of validation readings and the network's starting weights.</source>
        <translation>검증 측정값을 무작위로 고를 때와 신경망의 시작 가중치를 정할 때 쓰는 시드입니다.</translation>
    </message>
    <message>
        <source>tolerance</source>
        <translation>허용 오차</translation>
    </message>
    <message>
        <source>Stop as converged when every |gradient| is at most this (empty = run every epoch).</source>
        <translation>모든 |기울기|가 이 값 이하가 되면 수렴한 것으로 보고 멈춥니다 (비워 두면 모든 에포크를 실행합니다).</translation>
    </message>
    <message>
        <source>stop when the loss is not finite</source>
        <translation>손실이 유한하지 않으면 멈추기</translation>
    </message>
    <message>
        <source>Stop by itself when the loss becomes inf or nan.</source>
        <translation>손실이 inf나 nan이 되면 스스로 멈춥니다.</translation>
    </message>
    <message>
        <source>{help}
Allowed: {range}.</source>
        <translation>{help}
허용 범위: {range}.</translation>
    </message>
    <message>
        <source>A learning rate of the sweep's range (tried on a log scale between the two).</source>
        <translation>탐색 범위의 학습률입니다 (두 값 사이를 로그 눈금으로 시도합니다).</translation>
    </message>
</context>
<context>
    <name>gradients</name>
    <message>
        <source>x = t_u (no normalization)</source>
        <translation>x = t_u (정규화 없음)</translation>
    </message>
    <message>
        <source>x = t_u = {x}  (no normalization)</source>
        <translation>x = t_u = {x}  (정규화 없음)</translation>
    </message>
    <message>
        <source>contribution to dL/d{name} = dL/dt_p × dt_p/d{name} = {value}</source>
        <translation>dL/d{name}에 대한 기여 = dL/dt_p × dt_p/d{name} = {value}</translation>
    </message>
    <message>
        <source>Adding the contributions of all {n} points gives the gradient: {gradient}</source>
        <translation>점 {n}개의 기여를 모두 더하면 기울기가 됩니다: {gradient}</translation>
    </message>
    <message>
        <source>the fitted line is not finite (the run diverged), so it cannot convert readings</source>
        <translation>맞춘 직선이 유한하지 않아서 (실행이 발산했습니다) 측정값을 변환할 수 없습니다</translation>
    </message>
    <message>
        <source>the reading {value} is not a finite number</source>
        <translation>측정값 {value}은(는) 유한한 수가 아닙니다</translation>
    </message>
    <message>
        <source>the fitted line is flat (w = 0): every reading gives the same °C, so a °C value cannot be turned back into a reading</source>
        <translation>맞춘 직선이 평평합니다 (w = 0): 어떤 측정값이든 같은 °C가 나오므로, °C 값을 측정값으로 되돌릴 수 없습니다</translation>
    </message>
    <message>
        <source>the temperature {value} is not a finite number</source>
        <translation>온도 {value}은(는) 유한한 수가 아닙니다</translation>
    </message>
</context>
<context>
    <name>landscape</name>
    <message>
        <source>landscape</source>
        <translation>손실 지형</translation>
    </message>
    <message>
        <source>gradient inspector</source>
        <translation>기울기 살펴보기</translation>
    </message>
    <message>
        <source>stable-rate bound</source>
        <translation>안정 학습률 한계</translation>
    </message>
    <message>
        <source>its loss is not a fixed quadratic of its parameters, so there is no exact least-squares point and no constant valley to draw</source>
        <translation>손실이 파라미터의 고정된 2차식이 아니어서, 정확한 최소제곱 점도 그릴 수 있는 일정한 골짜기도 없습니다</translation>
    </message>
    <message>
        <source>there is no hand-derived (chain-rule) gradient to check: a network's gradient comes from autograd alone</source>
        <translation>확인할 손 유도(연쇄 법칙) 기울기가 없습니다: 신경망의 기울기는 autograd로만 구합니다</translation>
    </message>
    <message>
        <source>its Hessian is not constant, so no single learning rate separates converging from diverging runs</source>
        <translation>헤세 행렬이 일정하지 않아서, 수렴하는 실행과 발산하는 실행을 가르는 학습률 하나가 없습니다</translation>
    </message>
    <message>
        <source>straight line</source>
        <translation>직선</translation>
    </message>
    <message>
        <source>quadratic</source>
        <translation>2차식</translation>
    </message>
    <message>
        <source>The {what} is not available for this model: nn.Linear(1, 1) is trained as a torch module. It is the same straight line, so choose the model “Line” to see its {what}.</source>
        <translation>이 모델에서는 {what}을(를) 쓸 수 없습니다: nn.Linear(1, 1)은 torch 모듈로 학습됩니다. 같은 직선이므로, {what}을(를) 보려면 모델 “직선”을 고르세요.</translation>
    </message>
    <message>
        <source>it is not linear in its parameters</source>
        <translation>파라미터에 대해 선형이 아닙니다</translation>
    </message>
    <message>
        <source>the network (Linear → Tanh → Linear)</source>
        <translation>신경망 (Linear → Tanh → Linear)</translation>
    </message>
    <message>
        <source>the model “{label}”</source>
        <translation>모델 “{label}”</translation>
    </message>
    <message>
        <source>The {what} is not available for this model: {which} is not linear in its parameters — {why}. Choose the line or the quadratic to see it.</source>
        <translation>이 모델에서는 {what}을(를) 쓸 수 없습니다: {which}은(는) 파라미터에 대해 선형이 아닙니다 — {why}. 보려면 직선이나 2차식을 고르세요.</translation>
    </message>
    <message>
        <source>raw t_u</source>
        <translation>원래 t_u</translation>
    </message>
    <message>
        <source>z-scored t_u</source>
        <translation>z-점수 t_u</translation>
    </message>
    <message>
        <source>momentum {momentum}</source>
        <translation>모멘텀 {momentum}</translation>
    </message>
    <message>
        <source>lr {lr}, {norm}, {opt}</source>
        <translation>lr {lr}, {norm}, {opt}</translation>
    </message>
    <message>
        <source>{model}, {settings}</source>
        <translation>{model}, {settings}</translation>
    </message>
    <message>
        <source>Each contour line has 10× the loss of the one inside it</source>
        <translation>각 등고선의 손실은 바로 안쪽 등고선의 10배입니다</translation>
    </message>
    <message>
        <source>Each contour line has {ratio}× the loss of the one inside it ({per} lines per tenfold rise)</source>
        <translation>각 등고선의 손실은 바로 안쪽 등고선의 {ratio}배입니다 (10배 오를 때마다 선 {per}개)</translation>
    </message>
    <message>
        <source>the valley is long and narrow: a step big enough to cross it overshoots, so gradient descent crawls along the valley floor. Scale the input to make it round.</source>
        <translation>골짜기가 길고 좁습니다: 골짜기를 건널 만큼 큰 걸음은 지나쳐 버리므로, 경사 하강법은 골짜기 바닥을 따라 느리게 기어갑니다. 입력의 배율을 조정하면 둥글어집니다.</translation>
    </message>
    <message>
        <source>the valley is long and narrow: a step big enough to cross it overshoots, so gradient descent crawls along the valley floor. Normalize the input (z-score) to make it round.</source>
        <translation>골짜기가 길고 좁습니다: 골짜기를 건널 만큼 큰 걸음은 지나쳐 버리므로, 경사 하강법은 골짜기 바닥을 따라 느리게 기어갑니다. 입력을 정규화(z-점수)하면 둥글어집니다.</translation>
    </message>
    <message>
        <source>the valley is long and narrow: a step big enough to cross it overshoots, so gradient descent crawls along the valley floor.</source>
        <translation>골짜기가 길고 좁습니다: 골짜기를 건널 만큼 큰 걸음은 지나쳐 버리므로, 경사 하강법은 골짜기 바닥을 따라 느리게 기어갑니다.</translation>
    </message>
    <message>
        <source>the valley is stretched: gradient descent first drops to the floor, then follows it to the minimum — z-score the input to make it round.</source>
        <translation>골짜기가 늘어나 있습니다: 경사 하강법은 먼저 바닥으로 내려간 다음, 바닥을 따라 최소점까지 갑니다 — 입력을 z-점수로 바꾸면 둥글어집니다.</translation>
    </message>
    <message>
        <source>the valley is stretched: gradient descent first drops to the floor, then follows it to the minimum.</source>
        <translation>골짜기가 늘어나 있습니다: 경사 하강법은 먼저 바닥으로 내려간 다음, 바닥을 따라 최소점까지 갑니다.</translation>
    </message>
    <message>
        <source>the valley is round: every direction is about equally steep, so the steps point at the minimum.</source>
        <translation>골짜기가 둥급니다: 모든 방향의 경사가 거의 같아서, 걸음이 곧장 최소점을 향합니다.</translation>
    </message>
    <message>
        <source>With raw t_u</source>
        <translation>원래 t_u에서는</translation>
    </message>
    <message>
        <source>With t_u × {factor}</source>
        <translation>t_u × {factor}에서는</translation>
    </message>
    <message>
        <source>With z-scored t_u</source>
        <translation>z-점수 t_u에서는</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>여기서는</translation>
    </message>
    <message>
        <source>{contours}. {what} ({shape}) {how} Click to choose where training starts.</source>
        <translation>{contours}. {what} ({shape}) {how} 클릭해서 학습을 시작할 곳을 고르세요.</translation>
    </message>
    <message>
        <source>the start values</source>
        <translation>시작값</translation>
    </message>
    <message>
        <source>the run's current parameters</source>
        <translation>실행의 현재 파라미터</translation>
    </message>
    <message>
        <source>{contours}. A slice of the {model} through {through}: {across} across, {up} up, {held} held. {what} this slice has {shape} (the whole {model}: {whole}): {how}</source>
        <translation>{contours}. {through} 지점을 지나는 {model}의 단면입니다: 가로 {across}, 세로 {up}, 고정 {held}. {what} 이 단면은 {shape}입니다 ({model} 전체: {whole}). {how}</translation>
    </message>
    <message>
        <source>These readings do not determine a unique least-squares {model}.</source>
        <translation>이 측정값들로는 최소제곱 {model} 하나가 정해지지 않습니다.</translation>
    </message>
    <message>
        <source>The held values are the least-squares ones, so the slice's lowest point is the least squares (★).</source>
        <translation>고정된 값이 최소제곱 값이므로, 이 단면의 가장 낮은 점이 곧 최소제곱 점(★)입니다.</translation>
    </message>
    <message>
        <source>The least-squares point ★ ({point}) is drawn where it projects: the lowest point of this slice (+) is it only when the held values are the least-squares ones.</source>
        <translation>최소제곱 점 ★ ({point})은 이 단면에 투영된 자리에 그려집니다: 이 단면의 가장 낮은 점(+)은 고정된 값이 최소제곱 값일 때에만 그 점과 같습니다.</translation>
    </message>
    <message>
        <source>{slice} {least_squares} Click to choose where training starts ({across} and {up}).</source>
        <translation>{slice} {least_squares} 클릭해서 학습을 시작할 곳({across}, {up})을 고르세요.</translation>
    </message>
    <message>
        <source>condition number ∞</source>
        <translation>조건수 ∞</translation>
    </message>
    <message>
        <source>condition number {kappa}</source>
        <translation>조건수 {kappa}</translation>
    </message>
</context>
<context>
    <name>notebook</name>
    <message>
        <source># Calibrating a thermometer by gradient descent

Chapter 5 of *Deep Learning with PyTorch*, with the readings and settings of a ThermoGUI {version} run ({when}).  The output under each cell is what the run printed, so the notebook reads as it is; run it (*Run All*) to compute everything again.</source>
        <translation># 경사 하강법으로 온도계 보정하기

*Deep Learning with PyTorch* 5장을 ThermoGUI {version} 실행({when})의 측정값과 설정으로 옮긴 노트북입니다.  각 셀 아래의 출력은 그 실행이 출력한 그대로이므로 이대로 읽을 수 있고, 실행하면(*Run All*) 모두 다시 계산합니다.</translation>
    </message>
    <message>
        <source>

*ThermoGUI marked this result as out of date: the window's readings or settings had changed since the run.  This notebook holds the run's own readings and settings.*</source>
        <translation>

*ThermoGUI는 이 결과를 지난 결과로 표시했습니다: 실행한 뒤 창의 측정값이나 설정이 바뀌었습니다.  이 노트북에는 그 실행의 측정값과 설정이 들어 있습니다.*</translation>
    </message>
    <message>
        <source>

*The run was stopped after {done:,} of its {epochs:,} epochs: the printed output ends there.*</source>
        <translation>

*실행은 {epochs:,} 에포크 중 {done:,} 에포크에서 멈췄습니다: 출력도 거기서 끝납니다.*</translation>
    </message>
    <message>
        <source>

*ThermoGUI ran this with its fast float64 arithmetic; the code below computes in float32 as the book does, so the last digits may differ.*</source>
        <translation>

*ThermoGUI는 이 실행을 빠른 float64 계산으로 했습니다. 아래 코드는 책처럼 float32로 계산하므로 마지막 자릿수가 다를 수 있습니다.*</translation>
    </message>
    <message>
        <source>PyTorch, and the print options the chapter's notebook sets (they shape the printed tensors).</source>
        <translation>PyTorch와, 이 장의 노트북이 정하는 출력 옵션입니다 (출력되는 텐서의 모양을 정합니다).</translation>
    </message>
    <message>
        <source>## The readings

`t_c`: temperatures in degrees Celsius; `t_u`: the same moments read on the thermometer with unknown units.</source>
        <translation>## 측정값

`t_c`: 섭씨 온도; `t_u`: 같은 순간에 단위를 모르는 온도계로 읽은 값.</translation>
    </message>
    <message>
        <source>  The readings left out in ThermoGUI are kept as a comment.</source>
        <translation>  ThermoGUI에서 제외한 측정값은 주석으로 남겨 두었습니다.</translation>
    </message>
    <message>
        <source>  ThermoGUI held readings {rows} out for validation: the run trains on the other {n_train} (`train_indices`).</source>
        <translation>  ThermoGUI는 측정값 {rows}을(를) 검증용으로 떼어 두었습니다: 실행은 나머지 {n_train}개로 학습합니다 (`train_indices`).</translation>
    </message>
    <message>
        <source>## The model

A straight line: the prediction `t_p` is `w * t_u + b`.</source>
        <translation>## 모델

직선: 예측값 `t_p`는 `w * t_u + b`입니다.</translation>
    </message>
    <message>
        <source>## The loss

The mean of the squared differences between predicted and measured temperatures.</source>
        <translation>## 손실

예측한 온도와 잰 온도의 차이를 제곱해서 평균한 값입니다.</translation>
    </message>
    <message>
        <source>## The gradient, by hand

The chain rule: the derivative of the loss with respect to the prediction, times the derivative of the model with respect to each parameter (`dmodel_dw`, `dmodel_db`), summed over the readings.</source>
        <translation>## 손으로 구하는 기울기

연쇄 법칙: 예측값에 대한 손실의 도함수에 각 파라미터에 대한 모델의 편미분(`dmodel_dw`, `dmodel_db`)을 곱해서 측정값 전체에 걸쳐 더합니다.</translation>
    </message>
    <message>
        <source>  (This run let autograd compute the same gradient, `loss.backward()`; the functions stay here as the book derives them.)</source>
        <translation>  (이 실행은 같은 기울기를 autograd로 계산했습니다(`loss.backward()`). 함수들은 책이 유도한 대로 여기 남겨 둡니다.)</translation>
    </message>
    <message>
        <source>## The training loop

Each epoch: the loss and gradient at the current parameters, then the step against the gradient.  This loop prints every epoch.</source>
        <translation>## 학습 루프

에포크마다: 현재 파라미터에서 손실과 기울기를 구하고, 기울기의 반대 방향으로 한 걸음 갑니다.  이 루프는 에포크마다 출력합니다.</translation>
    </message>
    <message>
        <source>## The training loop

Each epoch: the loss and gradient at the current parameters, then the step against the gradient.  This is the book's second loop: it prints only its chosen epochs, with `...` between, and stops at the first loss that is not finite.</source>
        <translation>## 학습 루프

에포크마다: 현재 파라미터에서 손실과 기울기를 구하고, 기울기의 반대 방향으로 한 걸음 갑니다.  이것은 책의 두 번째 루프입니다: 고른 에포크만 출력하고 그 사이는 `...`로 줄이며, 손실이 처음 유한하지 않게 되면 멈춥니다.</translation>
    </message>
    <message>
        <source>  It stops at the first loss that is not finite, as ThermoGUI does.</source>
        <translation>  ThermoGUI처럼, 손실이 처음 유한하지 않게 되면 멈춥니다.</translation>
    </message>
    <message>
        <source>  The step is taken by `optim.Adam` (the book's section 5.5.2).</source>
        <translation>  한 걸음은 `optim.Adam`이 갑니다 (책의 5.5.2절).</translation>
    </message>
    <message>
        <source>  The step is taken by `optim.SGD` with momentum {momentum}.</source>
        <translation>  한 걸음은 모멘텀 {momentum}의 `optim.SGD`가 갑니다.</translation>
    </message>
    <message>
        <source>  Autograd computes the gradient (`loss.backward()`, the book's section 5.5.1).</source>
        <translation>  기울기는 autograd가 계산합니다 (`loss.backward()`, 책의 5.5.1절).</translation>
    </message>
    <message>
        <source>  It also stops once every gradient component is at most {tol} in size (converged).</source>
        <translation>  기울기의 모든 성분이 크기 {tol} 이하가 되면(수렴) 멈추기도 합니다.</translation>
    </message>
    <message>
        <source>## Training

{normalization}  Learning rate {lr}, {epochs:,} epochs, starting from w = {w}, b = {b}.</source>
        <translation>## 학습

{normalization}  학습률 {lr}, 에포크 {epochs:,}회, 시작값 w = {w}, b = {b}.</translation>
    </message>
    <message>
        <source>The readings go in as they are.</source>
        <translation>측정값을 그대로 넣습니다.</translation>
    </message>
    <message>
        <source>The input is scaled as in the book: `t_un = {scale} * t_u`.</source>
        <translation>입력은 책처럼 배율을 곱합니다: `t_un = {scale} * t_u`.</translation>
    </message>
    <message>
        <source>The input is standardized with the mean and (population) standard deviation of the training readings.</source>
        <translation>입력은 학습 측정값의 평균과 (모집단) 표준편차로 표준화합니다.</translation>
    </message>
    <message>
        <source>## The plot

The fitted line over the readings, saved as `{file}` at {dpi} dpi.</source>
        <translation>## 그래프

측정값 위에 적합한 직선을 그려 `{file}`로 {dpi} dpi로 저장합니다.</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>The first loss: w = 1, b = 0</source>
        <translation>첫 손실: w = 1, b = 0</translation>
    </message>
    <message>
        <source>ch. 5, §5.4</source>
        <translation>5장, §5.4</translation>
    </message>
    <message>
        <source>Before any training the line t_p = t_u misses every reading: the mean squared error is 1763.88.</source>
        <translation>학습하기 전에는 직선 t_p = t_u가 모든 측정값을 빗나갑니다: 평균 제곱 오차는 1763.88입니다.</translation>
    </message>
    <message>
        <source>loss at w = 1, b = 0</source>
        <translation>w = 1, b = 0에서의 손실</translation>
    </message>
    <message>
        <source>Raw t_u, lr 1e-2: the loss explodes</source>
        <translation>원래 t_u, lr 1e-2: 손실이 폭발합니다</translation>
    </message>
    <message>
        <source>ch. 5, §5.4.3</source>
        <translation>5장, §5.4.3</translation>
    </message>
    <message>
        <source>Each step overshoots further: the loss grows a thousandfold per epoch and is inf at epoch 11.</source>
        <translation>걸음마다 더 멀리 지나칩니다: 손실이 에포크마다 천 배씩 커지고 에포크 11에서 inf가 됩니다.</translation>
    </message>
    <message>
        <source>epoch 1 loss</source>
        <translation>에포크 1 손실</translation>
    </message>
    <message>
        <source>epoch 1 gradient</source>
        <translation>에포크 1 기울기</translation>
    </message>
    <message>
        <source>epoch 2 loss</source>
        <translation>에포크 2 손실</translation>
    </message>
    <message>
        <source>epoch 2 gradient</source>
        <translation>에포크 2 기울기</translation>
    </message>
    <message>
        <source>first epoch whose loss is inf</source>
        <translation>손실이 처음 inf가 된 에포크</translation>
    </message>
    <message>
        <source>Raw t_u, lr 1e-4: stable but slow</source>
        <translation>원래 t_u, lr 1e-4: 안정적이지만 느림</translation>
    </message>
    <message>
        <source>A 100× smaller rate no longer explodes, but w's gradient is ~50× b's: b has barely moved after 100 epochs.</source>
        <translation>학습률을 100분의 1로 줄이면 더는 폭발하지 않지만, w의 기울기가 b의 약 50배입니다: 100 에포크가 지나도 b는 거의 움직이지 않습니다.</translation>
    </message>
    <message>
        <source>parameters after 100 epochs</source>
        <translation>100 에포크 뒤의 파라미터</translation>
    </message>
    <message>
        <source>epoch 100 loss</source>
        <translation>에포크 100 손실</translation>
    </message>
    <message>
        <source>t_un = 0.1·t_u, lr 1e-2, 100 epochs</source>
        <translation>t_un = 0.1·t_u, lr 1e-2, 100 에포크</translation>
    </message>
    <message>
        <source>ch. 5, §5.4.4</source>
        <translation>5장, §5.4.4</translation>
    </message>
    <message>
        <source>Normalizing t_u evens out the two gradients: both parameters now move at a useful pace.</source>
        <translation>t_u를 정규화하면 두 기울기의 크기가 비슷해집니다: 이제 두 파라미터가 모두 알맞은 속도로 움직입니다.</translation>
    </message>
    <message>
        <source>t_un = 0.1·t_u, lr 1e-2, 5,000 epochs</source>
        <translation>t_un = 0.1·t_u, lr 1e-2, 5,000 에포크</translation>
    </message>
    <message>
        <source>The book's final run: the loss settles at 2.93 and w = 5.3671 is 0.53671 per raw unit (about 5/9).</source>
        <translation>책의 마지막 실행: 손실은 2.93에 자리 잡고, w = 5.3671은 원래 단위로 0.53671 (약 5/9)입니다.</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>epoch 5000 loss</source>
        <translation>에포크 5000 손실</translation>
    </message>
    <message>
        <source>Adam, lr 1e-1, on raw t_u</source>
        <translation>원래 t_u에 Adam, lr 1e-1</translation>
    </message>
    <message>
        <source>ch. 5, §5.5.2 (optimizers)</source>
        <translation>5장, §5.5.2 (옵티마이저)</translation>
    </message>
    <message>
        <source>Adam scales each parameter's step by its own gradient history: it converges even without normalizing t_u.</source>
        <translation>Adam은 파라미터마다 자기 기울기 기록에 맞춰 걸음 크기를 조절합니다: t_u를 정규화하지 않아도 수렴합니다.</translation>
    </message>
    <message>
        <source>epoch 2000 loss</source>
        <translation>에포크 2000 손실</translation>
    </message>
    <message>
        <source>float32 noise: near the minimum the loss moves in its 6th decimal from epoch to epoch, and today's torch.optim.Adam rounds differently from the book's version</source>
        <translation>float32 잡음: 최소점 근처에서는 손실이 에포크마다 소수점 여섯째 자리에서 흔들리고, 지금의 torch.optim.Adam은 책이 쓴 버전과 반올림이 다릅니다</translation>
    </message>
    <message>
        <source>SGD on the book's split (validation readings 3 and 11)</source>
        <translation>책의 분할로 SGD (검증 측정값 3번과 11번)</translation>
    </message>
    <message>
        <source>ch. 5, §5.5.3 (validation)</source>
        <translation>5장, §5.5.3 (검증)</translation>
    </message>
    <message>
        <source>Readings 3 and 11 are never trained on: their loss (orange) tells how well the line generalizes.</source>
        <translation>측정값 3번과 11번은 학습에 한 번도 쓰이지 않습니다: 그 손실(주황색)이 직선이 얼마나 잘 일반화하는지 알려 줍니다.</translation>
    </message>
    <message>
        <source>training loss at epoch 3000</source>
        <translation>에포크 3000의 학습 손실</translation>
    </message>
    <message>
        <source>validation loss at epoch 3000</source>
        <translation>에포크 3000의 검증 손실</translation>
    </message>
    <message>
        <source>Exercise: the quadratic w2·t_u² + w1·t_u + b, run to convergence</source>
        <translation>연습 문제: 2차식 w2·t_u² + w1·t_u + b를 수렴할 때까지 실행</translation>
    </message>
    <message>
        <source>ch. 5, exercise 1</source>
        <translation>5장, 연습 문제 1</translation>
    </message>
    <message>
        <source>Condition number ~10⁵: plain gradient descent needs about a million epochs; the fast exact path does them in a second.  Compare the final loss with the line's 2.93.</source>
        <translation>조건수 ~10⁵: 기본 경사 하강법으로는 약 백만 에포크가 필요하지만, 빠른 정확 경로는 1초 만에 끝냅니다.  최종 손실을 직선의 2.93과 비교해 보세요.</translation>
    </message>
    <message>
        <source>Network: 8 hidden units, lr 1e-3, 5,000 epochs (the book's split)</source>
        <translation>신경망: 은닉 유닛 8개, lr 1e-3, 5,000 에포크 (책의 분할)</translation>
    </message>
    <message>
        <source>ch. 6, §6.3</source>
        <translation>6장, §6.3</translation>
    </message>
    <message>
        <source>Watch both losses fall together (the book: training 182.97 → 2.11, validation 231.87 → 2.02); the book does not seed its weights, so the curves' shape — not their digits — is what matches.  After ~1,000 epochs the validation loss jumps between two values every other epoch (the band): the step is at the edge of stability, which the book's printout every 1,000 epochs does not show.</source>
        <translation>두 손실이 함께 떨어지는 것을 지켜보세요 (책: 학습 182.97 → 2.11, 검증 231.87 → 2.02). 책은 가중치의 시드를 정하지 않으므로, 숫자가 아니라 곡선의 모양이 맞아야 합니다. 1,000 에포크쯤부터 검증 손실이 한 에포크 걸러 두 값 사이를 오갑니다(띠 모양): 한 걸음이 안정성의 경계에 있기 때문인데, 1,000 에포크마다 찍는 책의 출력에서는 보이지 않습니다.</translation>
    </message>
    <message>
        <source>Network: make it overfit (64 hidden units, Adam, 5,000 epochs)</source>
        <translation>신경망: 과적합시키기 (은닉 유닛 64개, Adam, 5,000 에포크)</translation>
    </message>
    <message>
        <source>ch. 6, exercises</source>
        <translation>6장, 연습 문제</translation>
    </message>
    <message>
        <source>With 193 parameters for 9 training readings the curve bends through every point: the training loss keeps falling while the validation loss turns and rises.</source>
        <translation>학습 측정값 9개에 파라미터가 193개이면 곡선이 모든 점을 지나도록 휩니다: 학습 손실은 계속 떨어지지만 검증 손실은 방향을 바꿔 올라갑니다.</translation>
    </message>
</context>
<context>
    <name>safeio</name>
    <message>
        <source>no file name given</source>
        <translation>파일 이름이 없습니다</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file</source>
        <translation>{name}은(는) 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>이름 있는 파이프(FIFO)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>소켓</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>일반 파일이 아닌 것</translation>
    </message>
    <message>
        <source>{name} is {kind}; only regular files can be read</source>
        <translation>{name}은(는) {kind}입니다. 일반 파일만 읽을 수 있습니다</translation>
    </message>
    <message>
        <source>{name} is {size} MB; files up to {limit} MB can be read</source>
        <translation>{name}은(는) {size}MB입니다. {limit}MB까지의 파일만 읽을 수 있습니다</translation>
    </message>
    <message>
        <source>{name} is larger than {limit} MB; files up to that size can be read</source>
        <translation>{name}은(는) {limit}MB보다 큽니다. 그 크기까지의 파일만 읽을 수 있습니다</translation>
    </message>
    <message>
        <source>a text file</source>
        <translation>텍스트 파일</translation>
    </message>
    <message>
        <source>{name} is not UTF-16 text (byte {byte}); save it as UTF-8 ({what})</source>
        <translation>{name}은(는) UTF-16 텍스트가 아닙니다 ({byte}번째 바이트). UTF-8로 저장하세요 ({what})</translation>
    </message>
    <message>
        <source>{name} is a binary file, not {what}</source>
        <translation>{name}은(는) {what}이 아니라 바이너리 파일입니다</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (byte {byte}, line {line}); save it as UTF-8 ({what})</source>
        <translation>{name}은(는) UTF-8 텍스트가 아닙니다 ({line}번째 줄, {byte}번째 바이트). UTF-8로 저장하세요 ({what})</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>straight line</source>
        <translation>직선</translation>
    </message>
    <message>
        <source>quadratic</source>
        <translation>2차 모델</translation>
    </message>
    <message>
        <source>network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>"{where}" must be a number, not {kind}</source>
        <translation>"{where}"은(는) 숫자여야 합니다 (지금은 {kind})</translation>
    </message>
    <message>
        <source>"{where}" must be a finite number, not {value}</source>
        <translation>"{where}"은(는) 유한한 숫자여야 합니다 (지금은 {value})</translation>
    </message>
    <message>
        <source>"{where}" must be a whole number, not {kind}</source>
        <translation>"{where}"은(는) 정수여야 합니다 (지금은 {kind})</translation>
    </message>
    <message>
        <source>"{where}" must be text, not {kind}</source>
        <translation>"{where}"은(는) 텍스트여야 합니다 (지금은 {kind})</translation>
    </message>
    <message>
        <source>"{where}" must be true or false, not {kind}</source>
        <translation>"{where}"은(는) true나 false여야 합니다 (지금은 {kind})</translation>
    </message>
    <message>
        <source>"{where}" must be an object ({{...}}), not {kind}</source>
        <translation>"{where}"은(는) 객체({{...}})여야 합니다 (지금은 {kind})</translation>
    </message>
    <message>
        <source>the session has no "data.{key}" (the {which} readings)</source>
        <translation>세션에 "data.{key}"({which} 측정값)가 없습니다</translation>
    </message>
    <message>
        <source>"data.{key}" must be a list of numbers, not {kind}</source>
        <translation>"data.{key}"은(는) 숫자 목록이어야 합니다 (지금은 {kind})</translation>
    </message>
    <message>
        <source>null (a missing or non-finite value)</source>
        <translation>null(빠졌거나 유한하지 않은 값)</translation>
    </message>
    <message>
        <source>"data.{key}" row {row}: {shown} is not a reading; every reading must be a number</source>
        <translation>"data.{key}" {row}행: {shown}은(는) 측정값이 아닙니다. 측정값은 모두 숫자여야 합니다</translation>
    </message>
    <message>
        <source>"data.{key}" row {row}: {value} is not a finite reading</source>
        <translation>"data.{key}" {row}행: {value}은(는) 유한한 측정값이 아닙니다</translation>
    </message>
    <message>
        <source>"data.{key}" row {row}: {value} is too large; readings must be within ±{limit}</source>
        <translation>"data.{key}" {row}행: {value}은(는) 너무 큽니다. 측정값은 ±{limit} 안이어야 합니다</translation>
    </message>
    <message>
        <source>"data.{key}" must be a list of true/false, not {kind}</source>
        <translation>"data.{key}"은(는) true/false 목록이어야 합니다 (지금은 {kind})</translation>
    </message>
    <message>
        <source>"data.{key}" has {count} entries but there are {n} readings</source>
        <translation>"data.{key}"에는 항목이 {count}개 있지만 측정값은 {n}개입니다</translation>
    </message>
    <message>
        <source>"data.{key}" row {row}: must be true or false, not {kind}</source>
        <translation>"data.{key}" {row}행: true나 false여야 합니다 (지금은 {kind})</translation>
    </message>
    <message>
        <source>the session has no "data" (the readings)</source>
        <translation>세션에 "data"(측정값)가 없습니다</translation>
    </message>
    <message>
        <source>"data.t_u" has {n_u} readings but "data.t_c" has {n_c}; they must pair up</source>
        <translation>"data.t_u"에는 측정값이 {n_u}개, "data.t_c"에는 {n_c}개 있습니다. 둘은 짝이 맞아야 합니다</translation>
    </message>
    <message>
        <source>"data": {error}</source>
        <translation>"data": {error}</translation>
    </message>
    <message>
        <source>the session has no "config" (the hyperparameters)</source>
        <translation>세션에 "config"(하이퍼파라미터)가 없습니다</translation>
    </message>
    <message>
        <source>the session has no "config.{name}"</source>
        <translation>세션에 "config.{name}"이(가) 없습니다</translation>
    </message>
    <message>
        <source>"config": {error}</source>
        <translation>"config": {error}</translation>
    </message>
    <message>
        <source>"result.stop_reason" is {value}; expected one of {known}</source>
        <translation>"result.stop_reason"이 {value}입니다. {known} 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>the stored result has no "result.{name}"</source>
        <translation>저장된 결과에 "result.{name}"이(가) 없습니다</translation>
    </message>
    <message>
        <source>{names}, … ({count} in all)</source>
        <translation>{names}, … (모두 {count}개)</translation>
    </message>
    <message>
        <source>"result.model" is {value}; expected one of {known}</source>
        <translation>"result.model"이 {value}입니다. {known} 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>the stored result has no "result.params" (the {label}'s parameters)</source>
        <translation>저장된 결과에 "result.params"({label}의 파라미터)가 없습니다</translation>
    </message>
    <message>
        <source>the stored result has "result.params" but no "result.{key}"</source>
        <translation>저장된 결과에 "result.params"는 있지만 "result.{key}"가 없습니다</translation>
    </message>
    <message>
        <source>"result.{key}" must be an object ({{...}}) naming each parameter, not {kind}</source>
        <translation>"result.{key}"은(는) 파라미터마다 이름을 붙인 객체({{...}})여야 합니다 (지금은 {kind})</translation>
    </message>
    <message>
        <source>"result.{key}" has {count} value ({given}) but the {label} has {n} parameters ({names})</source>
        <translation>"result.{key}"에는 값이 {count}개({given}) 있지만 {label}의 파라미터는 {n}개({names})입니다</translation>
    </message>
    <message>
        <source>"result.{key}" has {count} values ({given}) but the {label} has {n} parameters ({names})</source>
        <translation>"result.{key}"에는 값이 {count}개({given}) 있지만 {label}의 파라미터는 {n}개({names})입니다</translation>
    </message>
    <message>
        <source>"result.{key}" names {given}; the {label}'s parameters are {names}</source>
        <translation>"result.{key}"에는 {given}이(가) 있지만 {label}의 파라미터는 {names}입니다</translation>
    </message>
    <message>
        <source>"result.{old}" is {old_value} but "result.{key}.{name}" is {value}; they must agree</source>
        <translation>"result.{old}"는 {old_value}인데 "result.{key}.{name}"는 {value}입니다. 둘은 같아야 합니다</translation>
    </message>
    <message>
        <source>{label} ({size} parameters)</source>
        <translation>{label} (파라미터 {size}개)</translation>
    </message>
    <message>
        <source>the stored result is of the {made} but the stored settings train the {now}; a result not marked "stale" must come from the settings stored with it</source>
        <translation>저장된 결과는 {made}의 것인데 저장된 설정은 {now}을(를) 학습합니다. "stale"로 표시되지 않은 결과는 함께 저장된 설정으로 얻은 것이어야 합니다</translation>
    </message>
    <message>
        <source>"{where}" is nested too deeply (more than {depth} levels) to be kept</source>
        <translation>"{where}"은(는) 너무 깊게 중첩되어({depth}단계 초과) 보존할 수 없습니다</translation>
    </message>
    <message>
        <source>this is not a ThermoGUI session: the file holds {kind}, not a session object</source>
        <translation>ThermoGUI 세션이 아닙니다: 파일에 세션 객체가 아니라 {kind}이(가) 들어 있습니다</translation>
    </message>
    <message>
        <source>it has no "format" key</source>
        <translation>"format" 키가 없습니다</translation>
    </message>
    <message>
        <source>its "format" is {value}</source>
        <translation>"format"이 {value}입니다</translation>
    </message>
    <message>
        <source>this is not a ThermoGUI session: {why} (a session has "format": "{format}")</source>
        <translation>ThermoGUI 세션이 아닙니다: {why} (세션에는 "format": "{format}"이 있습니다)</translation>
    </message>
    <message>
        <source>the session has no "version"</source>
        <translation>세션에 "version"이 없습니다</translation>
    </message>
    <message>
        <source>"version" must be a whole number from 1 up, not {value}</source>
        <translation>"version"은 1 이상의 정수여야 합니다 (지금은 {value})</translation>
    </message>
    <message>
        <source>this session was made by a newer ThermoGUI (version {version}); this version reads up to {supported}. Update ThermoGUI to open it.</source>
        <translation>이 세션은 더 새로운 ThermoGUI(버전 {version})가 만들었습니다. 이 버전은 {supported}까지 읽을 수 있습니다. 열려면 ThermoGUI를 업데이트하세요.</translation>
    </message>
    <message>
        <source>a session must be text, not {kind}</source>
        <translation>세션은 텍스트여야 합니다 (지금은 {kind})</translation>
    </message>
    <message>
        <source>the file is empty: it holds no session</source>
        <translation>파일이 비어 있습니다: 세션이 들어 있지 않습니다</translation>
    </message>
    <message>
        <source>this is not a ThermoGUI session: it is not valid JSON (line {line}, column {column}: {error})</source>
        <translation>ThermoGUI 세션이 아닙니다: 올바른 JSON이 아닙니다 ({line}번째 줄, {column}번째 열: {error})</translation>
    </message>
    <message>
        <source>this is not a ThermoGUI session: its JSON is nested too deeply</source>
        <translation>ThermoGUI 세션이 아닙니다: JSON이 너무 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>this is not a ThermoGUI session: it is not valid JSON ({error})</source>
        <translation>ThermoGUI 세션이 아닙니다: 올바른 JSON이 아닙니다 ({error})</translation>
    </message>
    <message>
        <source>a ThermoGUI session</source>
        <translation>ThermoGUI 세션</translation>
    </message>
</context>
<context>
    <name>sweep</name>
    <message>
        <source>the learning-rate range needs 0 &lt; from &lt;= to (got {lo} to {hi})</source>
        <translation>학습률 범위는 0 &lt; 시작 &lt;= 끝이어야 합니다 (입력: {lo}부터 {hi}까지)</translation>
    </message>
    <message>
        <source>the number of rates must be a whole number of at least 1 (got {n})</source>
        <translation>학습률 개수는 1 이상의 정수여야 합니다 (입력: {n})</translation>
    </message>
    <message>
        <source>No runs yet.</source>
        <translation>아직 실행이 없습니다.</translation>
    </message>
    <message>
        <source>this model has no stable-rate bound (it is not linear in its parameters)</source>
        <translation>이 모델에는 안정 학습률 한계가 없습니다 (파라미터에 대해 선형이 아니기 때문입니다)</translation>
    </message>
    <message>
        <source>the bound predicts {bound}</source>
        <translation>안정 한계의 예측은 {bound}입니다</translation>
    </message>
    <message>
        <source>the bound for plain gradient descent is {bound}</source>
        <translation>기본 경사 하강법의 안정 한계는 {bound}입니다</translation>
    </message>
    <message>
        <source>No run diverged up to lr {lr}; {bound}.</source>
        <translation>lr {lr}까지 발산한 실행이 없습니다. {bound}.</translation>
    </message>
    <message>
        <source>Runs diverge from lr ≈ {lr}; {bound}.</source>
        <translation>lr ≈ {lr}부터 실행이 발산합니다. {bound}.</translation>
    </message>
    <message>
        <source>{runs} Lowest loss after {epochs} epochs: {loss} at lr {lr}.</source>
        <translation>{runs} {epochs} 에포크 뒤 가장 낮은 손실: lr {lr}에서 {loss}.</translation>
    </message>
    <message>
        <source>{runs} Lowest loss: {loss} at lr {lr}.</source>
        <translation>{runs} 가장 낮은 손실: lr {lr}에서 {loss}.</translation>
    </message>
</context>
</TS>
