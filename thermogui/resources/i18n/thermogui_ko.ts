<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
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
        <source>hidden units</source>
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
        <source>Validation readings are the ones ticked in the table's Val column (untick them to use a random share).</source>
        <translation>검증에 쓰는 측정값은 표의 Val 열에 체크한 것들입니다 (체크를 모두 풀면 무작위로 일부를 고릅니다).</translation>
    </message>
</context>
<context>
    <name>FileController</name>
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
        <source>(none)</source>
        <translation>(없음)</translation>
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
    <name>ResultsPanel</name>
    <message>
        <source>No result to show: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A run ends up here when it diverges (the learning rate is too large for these readings): lower the learning rate, or normalize the readings, and run again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This run diverged: the line is not finite, so there are no residuals, R² or outliers to show.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This line is nowhere near the readings: a typical residual is {0} °C, more than {1} × the readings' whole range of {2} °C. Residuals, R² and outliers mean nothing for such a line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ This line is nowhere near the readings, so it cannot convert them: fix the run first.</source>
        <translation type="unfinished" />
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
    <name>SweepPanel</name>
    <message>
        <source>The smallest learning rate to try.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Smallest learning rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The largest learning rate to try.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Largest learning rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How many learning rates, evenly spaced on a log scale.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Epochs each run trains for.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number of learning rates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Epochs per run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run sweep</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Train once per learning rate, in the background, and plot where each run ended.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sweep progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%v of %m runs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run a sweep to see which learning rates converge and which diverge.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click a point to use its learning rate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Learning-rate sweep plot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The loss after a fixed number of epochs against the learning rate, both on log scales: dots for runs that converged, crosses for runs that diverged, the stable-rate bound dashed. Left and Right pick a point, Enter uses its learning rate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click a point to use its learning rate (or Left / Right, then Enter).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Final loss</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>converging (loss fell)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>diverged (loss grew; on the top row: became inf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stable-rate bound 2 / λmax (plain GD)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>your learning rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Learning rates from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>rates,</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>epochs each</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The settings or readings changed since the last sweep: run it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sweep still shows which rates converge.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>bound {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>your lr {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A sweep needs at least 2 readings with different t_u.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loss after {0} epochs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Running {0} runs of {1} epochs…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled after {0} runs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(The bound is for plain gradient descent; momentum and Adam move it.)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sweep failed: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Picked lr {0}: press Enter to use it, Left / Right for another point.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Picked lr {0}: click another point to use its rate instead.</source>
        <translation type="unfinished" />
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
</context>
</TS>
