<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>The new user logs in with this login and password. Give the password to them in person.</source>
        <translation>新用户将使用此登录名和密码登录。请当面将密码交给本人。</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>e.g. wang.li</source>
        <translation>例如：wang.li</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>确认密码(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>添加用户(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AmendIntakeDialog</name>
    <message>
        <source>Amend the intake</source>
        <translation>修改受理信息</translation>
    </message>
    <message>
        <source>Change what the citizen corrected. The change is kept on the case timeline with its reason.</source>
        <translation>修改市民更正的内容。修改及其原因将保留在案件办理记录中。</translation>
    </message>
    <message>
        <source>&amp;Part:</source>
        <translation>环节(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>内容(&amp;T)：</translation>
    </message>
    <message>
        <source>Citizen&apos;s &amp;demand:</source>
        <translation>市民诉求(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Promised time:</source>
        <translation>承诺答复时间(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Why it changed:</source>
        <translation>修改原因(&amp;W)：</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>&amp;Amend</source>
        <translation>修改(&amp;A)</translation>
    </message>
    <message>
        <source>Say why it changed (for example the citizen&apos;s correction).</source>
        <translation>请说明修改原因（例如市民作出的更正）。</translation>
    </message>
</context>
<context>
    <name>AppealDialog</name>
    <message>
        <source>The rating is:</source>
        <translation>该评价为：</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>复核意见：</translation>
    </message>
    <message>
        <source>&amp;Approve: leave the rating out of the figures</source>
        <translation>同意：该评价不计入统计(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;fuse</source>
        <translation>不同意(&amp;F)</translation>
    </message>
    <message>
        <source>Appeal against a rating — %1</source>
        <translation>评价申诉 — %1</translation>
    </message>
    <message>
        <source>Ask that the rating %1 of 5 on case %2 be left out of the figures. A second supervisor decides; the rating itself is kept.</source>
        <translation>申请案件 %2 的评价 %1 分（满分 5 分）不计入统计。由另一位值班主任复核决定；评价本身仍予保留。</translation>
    </message>
    <message>
        <source>&amp;Why (required):</source>
        <translation>申诉理由（必填）(&amp;W)：</translation>
    </message>
    <message>
        <source>Ask for review</source>
        <translation>提交复核</translation>
    </message>
    <message>
        <source>Decide an appeal — %1</source>
        <translation>申诉复核 — %1</translation>
    </message>
    <message>
        <source>%1 asks on %2 that the rating %3 of 5 be left out of the figures as &quot;%4&quot;:
%5</source>
        <translation>%1 于 %2 申请以“%4”为由，将评价 %3 分（满分 5 分）不计入统计：
%5</translation>
    </message>
    <message>
        <source>&amp;Why it is refused (required):</source>
        <translation>不同意的理由（必填）(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Note (optional):</source>
        <translation>备注（选填）(&amp;N)：</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>复核</translation>
    </message>
</context>
<context>
    <name>AppealReason</name>
    <message>
        <source>Mistaken rating</source>
        <translation>误评</translation>
    </message>
    <message>
        <source>Malicious rating</source>
        <translation>恶意差评</translation>
    </message>
</context>
<context>
    <name>AppealState</name>
    <message>
        <source>Awaiting a second supervisor</source>
        <translation>待另一位值班主任复核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>未同意</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Case recorded</source>
        <translation>登记案件</translation>
    </message>
    <message>
        <source>Case acknowledged</source>
        <translation>回应市民</translation>
    </message>
    <message>
        <source>Handling started</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>Case transferred</source>
        <translation>转办案件</translation>
    </message>
    <message>
        <source>Case escalated</source>
        <translation>升级案件</translation>
    </message>
    <message>
        <source>Case resolved</source>
        <translation>办结案件</translation>
    </message>
    <message>
        <source>Follow-up recorded</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>审核关闭案件</translation>
    </message>
    <message>
        <source>Case reopened</source>
        <translation>重新办理案件</translation>
    </message>
    <message>
        <source>Case reassigned</source>
        <translation>改派案件</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>变更角色</translation>
    </message>
    <message>
        <source>Password reset by an administrator</source>
        <translation>管理员重置密码</translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation>本人修改密码</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Account locked after failed logins</source>
        <translation>多次登录失败，账户已锁定</translation>
    </message>
    <message>
        <source>Reference data added</source>
        <translation>新增基础数据</translation>
    </message>
    <message>
        <source>Reference data renamed</source>
        <translation>重命名基础数据</translation>
    </message>
    <message>
        <source>Reference data deactivated</source>
        <translation>停用基础数据</translation>
    </message>
    <message>
        <source>Reference data reactivated</source>
        <translation>重新启用基础数据</translation>
    </message>
    <message>
        <source>Holiday calendar imported</source>
        <translation>导入节假日日历</translation>
    </message>
    <message>
        <source>Database backed up</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Citizen&apos;s personal data viewed</source>
        <translation>查看市民个人信息</translation>
    </message>
    <message>
        <source>Demo data generated</source>
        <translation>生成演示数据</translation>
    </message>
    <message>
        <source>Facts amended</source>
        <translation>修改事实</translation>
    </message>
    <message>
        <source>Impact amended</source>
        <translation>修改影响</translation>
    </message>
    <message>
        <source>Steps amended</source>
        <translation>修改后续步骤</translation>
    </message>
    <message>
        <source>Reply rule added</source>
        <translation>新增答复规则</translation>
    </message>
    <message>
        <source>Reply rule changed</source>
        <translation>修改答复规则</translation>
    </message>
    <message>
        <source>Reply rule retired</source>
        <translation>停用答复规则</translation>
    </message>
    <message>
        <source>Reply rule restored</source>
        <translation>恢复答复规则</translation>
    </message>
    <message>
        <source>Response script added</source>
        <translation>新增话术</translation>
    </message>
    <message>
        <source>Response script changed</source>
        <translation>修改话术</translation>
    </message>
    <message>
        <source>Response script retired</source>
        <translation>停用话术</translation>
    </message>
    <message>
        <source>Response script reactivated</source>
        <translation>重新启用话术</translation>
    </message>
    <message>
        <source>Reminder sent</source>
        <translation>发送催办</translation>
    </message>
    <message>
        <source>Clocks paused</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Clocks resumed</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>Deadline rules changed</source>
        <translation>修改时限规则</translation>
    </message>
    <message>
        <source>Transfer signed for</source>
        <translation>签收转办</translation>
    </message>
    <message>
        <source>Transfer returned</source>
        <translation>退回转办</translation>
    </message>
    <message>
        <source>Extension requested</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>Extension approved</source>
        <translation>批准延期</translation>
    </message>
    <message>
        <source>Extension refused</source>
        <translation>驳回延期</translation>
    </message>
    <message>
        <source>Cases imported</source>
        <translation>导入案件</translation>
    </message>
    <message>
        <source>Queue visits imported</source>
        <translation>导入排队记录</translation>
    </message>
    <message>
        <source>Improvement action created</source>
        <translation>新增整改事项</translation>
    </message>
    <message>
        <source>Improvement action changed</source>
        <translation>修改整改事项</translation>
    </message>
    <message>
        <source>Improvement action status changed</source>
        <translation>变更整改事项状态</translation>
    </message>
    <message>
        <source>Case linked to an improvement action</source>
        <translation>将案件关联至整改事项</translation>
    </message>
    <message>
        <source>Case unlinked from an improvement action</source>
        <translation>解除案件与整改事项的关联</translation>
    </message>
    <message>
        <source>Linked cases of an improvement action changed</source>
        <translation>修改整改事项的关联案件</translation>
    </message>
    <message>
        <source>5-whys analysis saved</source>
        <translation>保存五问法分析</translation>
    </message>
    <message>
        <source>Fishbone diagram saved</source>
        <translation>保存鱼骨图</translation>
    </message>
    <message>
        <source>Training case built from a closed case</source>
        <translation>从已结案件生成培训案例</translation>
    </message>
    <message>
        <source>Training case edited</source>
        <translation>修改培训案例</translation>
    </message>
    <message>
        <source>Training case deleted</source>
        <translation>删除培训案例</translation>
    </message>
    <message>
        <source>Training set imported</source>
        <translation>导入训练集</translation>
    </message>
    <message>
        <source>Drill result stored</source>
        <translation>演练成绩已保存</translation>
    </message>
    <message>
        <source>Risk rules saved</source>
        <translation>风险规则已保存</translation>
    </message>
    <message>
        <source>High-risk alert taken</source>
        <translation>高风险预警已接手</translation>
    </message>
    <message>
        <source>Crisis mode opened</source>
        <translation>启动危机处置</translation>
    </message>
    <message>
        <source>Crisis checklist step done</source>
        <translation>危机处置清单步骤完成</translation>
    </message>
    <message>
        <source>Crisis statement published</source>
        <translation>危机公开回应已发布</translation>
    </message>
    <message>
        <source>Crisis mode closed</source>
        <translation>结束危机处置</translation>
    </message>
    <message>
        <source>Post-crisis review recorded</source>
        <translation>危机复盘已记录</translation>
    </message>
    <message>
        <source>Database restored from a backup</source>
        <translation>从备份恢复数据库</translation>
    </message>
    <message>
        <source>Personal data purged after retention</source>
        <translation>保存期满清除个人信息</translation>
    </message>
</context>
<context>
    <name>AuditKeyRing</name>
    <message>
        <source>The cryptography library could not be started.</source>
        <translation>无法启动加密库。</translation>
    </message>
    <message>
        <source>There is no audit key file at %1.</source>
        <translation>在 %1 未找到审计密钥文件。</translation>
    </message>
    <message>
        <source>The audit key file %1 cannot be read: %2</source>
        <translation>无法读取审计密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>The audit key file %1 is not a regular file.</source>
        <translation>审计密钥文件 %1 不是普通文件。</translation>
    </message>
    <message>
        <source>The audit key file %1 may be read or changed by other users; Qingting refuses to use it. Make it private with: chmod 600 %1</source>
        <translation>审计密钥文件 %1 可被其他用户读取或修改，倾听台拒绝使用该文件。请执行以下命令将其设为仅限本人访问：chmod 600 %1</translation>
    </message>
    <message>
        <source>Line %1 of the audit key file %2 is not a key (64 hexadecimal digits).</source>
        <translation>审计密钥文件 %2 的第 %1 行不是有效的密钥（应为 64 位十六进制数字）。</translation>
    </message>
    <message>
        <source>The audit key file %1 holds no key.</source>
        <translation>审计密钥文件 %1 中没有任何密钥。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The audit key file %1 cannot be written: %2</source>
        <translation>无法写入审计密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>The audit key file %1 cannot be written.</source>
        <translation>无法写入审计密钥文件 %1。</translation>
    </message>
</context>
<context>
    <name>AuditLogWidget</name>
    <message>
        <source>Every change is recorded in an append-only log. Each entry carries the hash of the one before, so any later edit breaks the chain and shows up in a verification.</source>
        <translation>每一项更改都记录在只能追加、不能修改的日志中。每条记录都带有前一条记录的哈希值，事后的任何改动都会破坏哈希链，并在校验时被发现。</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>校验哈希链(&amp;V)</translation>
    </message>
    <message>
        <source>The log is empty.</source>
        <translation>日志为空。</translation>
    </message>
    <message numerus="yes">
        <source>The latest %n entry(s), newest first.</source>
        <translation>
            <numerusform>最近 %n 条记录，最新的排在最前。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n entry(s) checked.</source>
        <translation>
            <numerusform>哈希链完整：已检查 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>The chain is broken at entry %1: %2</source>
        <translation>哈希链在第 %1 条记录处断裂：%2</translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>筛选(&amp;I)：</translation>
    </message>
    <message>
        <source>Actor, action, case number, login or detail</source>
        <translation>操作人、操作、案件编号、登录名或详情</translation>
    </message>
    <message numerus="yes">
        <source>%1 of the latest %n entry(s) match the filter.</source>
        <translation>
            <numerusform>最近 %n 条记录中有 %1 条符合筛选条件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the audit log…</source>
        <translation>正在加载审计日志…</translation>
    </message>
    <message>
        <source>Checking the chain…</source>
        <translation>正在校验哈希链…</translation>
    </message>
    <message numerus="yes">
        <source>The chain&apos;s structure holds (%n entry(s)), but the seals were not checked with the audit key: %1</source>
        <translation>
            <numerusform>哈希链结构完整（共 %n 条记录），但未使用审计密钥校验封签：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>%1 #%2</source>
        <comment>entity and its id</comment>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>key: value in an audit entry&apos;s detail</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>AuthService</name>
    <message>
        <source>The database has users already; ask an administrator for an account.</source>
        <translation>数据库中已有用户，请向管理员申请账户。</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is disabled; ask an administrator.</source>
        <translation>账户“%1”已停用，请联系管理员。</translation>
    </message>
    <message numerus="yes">
        <source>After %n wrong passwords in a row this account is locked until %1. Try again then, or ask an administrator to reset the password.</source>
        <translation>
            <numerusform>连续 %n 次密码错误，该账户已锁定至 %1。请届时再试，或请管理员重置密码。</numerusform>
        </translation>
    </message>
    <message>
        <source>The login could not be recorded, so it was refused: %1</source>
        <translation>无法记录本次登录，因此已拒绝登录：%1</translation>
    </message>
</context>
<context>
    <name>BreakdownTableModel</name>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>(none recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source>%1 (n = %2)</source>
        <translation>%1（n = %2）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>First response (mean, min)</source>
        <translation>首次响应（平均值，分钟）</translation>
    </message>
    <message>
        <source>Within 48 h</source>
        <translation>48 小时内答复率</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>转办次数</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
</context>
<context>
    <name>BuildTrainingCaseDialog</name>
    <message>
        <source>New training case from a closed case</source>
        <translation>从已结案件生成培训案例</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>类别(&amp;A)：</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>全部核实结果</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>核实结果(&amp;O)：</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Rating &amp;from:</source>
        <translation>满意度从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;to:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>核实结果</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>情绪</translation>
    </message>
    <message>
        <source>Complaint (anonymized)</source>
        <translation>投诉内容（已脱敏）</translation>
    </message>
    <message>
        <source>Built</source>
        <translation>已生成</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>生成(&amp;B)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message numerus="yes">
        <source>%n closed case(s)</source>
        <translation>
            <numerusform>共 %n 件已结案件</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a closed case first.</source>
        <translation>请先选择一件已结案件。</translation>
    </message>
    <message>
        <source>A training case was built from case %1 already.</source>
        <translation>已从案件 %1 生成过培训案例。</translation>
    </message>
    <message>
        <source>Closed &amp;from:</source>
        <translation>结案日期从(&amp;F)：</translation>
    </message>
    <message>
        <source>closed t&amp;o:</source>
        <translation>至(&amp;O)：</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>任意风险等级</translation>
    </message>
    <message>
        <source>R&amp;isk:</source>
        <translation>风险(&amp;I)：</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>No closed case matches these filters. Widen them (any category, outcome, rating, risk or date) and search again.</source>
        <translation>没有符合这些条件的已结案件。请放宽条件（任意类别、结果、评价、风险或日期）后重新查找。</translation>
    </message>
</context>
<context>
    <name>BulkStatements</name>
    <message>
        <source>Writing to the database failed: %1</source>
        <translation>写入数据库失败：%1</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Waiting for the database: another desk is saving. Your work is kept; this finishes by itself or reports an error.</source>
        <translation>正在等待数据库：其他窗口正在保存数据。您填写的内容不会丢失；稍候将自动完成，如有问题会提示错误。</translation>
    </message>
</context>
<context>
    <name>CalendarService</name>
    <message>
        <source>The file has no calendar rows (date,kind,name).</source>
        <translation>文件中没有日历数据行（date,kind,name）。</translation>
    </message>
    <message>
        <source>%1 is a weekday: only a Saturday or Sunday can be a make-up working day.</source>
        <translation>%1 是工作日：只有星期六或星期日才能设为调休上班日。</translation>
    </message>
</context>
<context>
    <name>CaseAction</name>
    <message>
        <source>Acknowledge</source>
        <translation>回应</translation>
    </message>
    <message>
        <source>Start handling</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Record follow-up</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>Approve and close</source>
        <translation>审核关闭</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>改派</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
</context>
<context>
    <name>CaseActionDialog</name>
    <message>
        <source>&amp;Department:</source>
        <translation>责任部门(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Assign to:</source>
        <translation>改派给(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Rating:</source>
        <translation>满意度评价(&amp;R)：</translation>
    </message>
    <message>
        <source>Recommendation (0–10):</source>
        <translation>推荐度（0–10）：</translation>
    </message>
    <message>
        <source>How likely the citizen would recommend the hall, from 0 to 10. Leave at &quot;Not asked&quot; if the question was not asked.</source>
        <translation>市民向他人推荐本大厅的可能性，从 0 到 10 分。如未询问此问题，请保持为“未询问”。</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>Choose a department</source>
        <translation>请选择责任部门</translation>
    </message>
    <message>
        <source>Choose a person</source>
        <translation>请选择人员</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>display name (login)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Choose the rating</source>
        <translation>请选择满意度评价</translation>
    </message>
    <message>
        <source>5 — Very satisfied</source>
        <translation>5 — 非常满意</translation>
    </message>
    <message>
        <source>4 — Satisfied</source>
        <translation>4 — 满意</translation>
    </message>
    <message>
        <source>3 — Basically satisfied</source>
        <translation>3 — 基本满意</translation>
    </message>
    <message>
        <source>2 — Dissatisfied</source>
        <translation>2 — 不满意</translation>
    </message>
    <message>
        <source>1 — Very dissatisfied</source>
        <translation>1 — 非常不满意</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>action — case number</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Record that the citizen&apos;s feelings were acknowledged on case %1.</source>
        <translation>记录已对案件 %1 中市民的感受作出回应。</translation>
    </message>
    <message>
        <source>Start handling case %1.</source>
        <translation>开始办理案件 %1。</translation>
    </message>
    <message>
        <source>Move case %1 to another department. Every transfer is counted; say why it is needed.</source>
        <translation>将案件 %1 转办至其他责任部门。每次转办都会计入统计，请说明转办原因。</translation>
    </message>
    <message>
        <source>Move case %1 one level up the supervisor queue and say why.</source>
        <translation>将案件 %1 在值班主任队列中提升一级，并请说明原因。</translation>
    </message>
    <message>
        <source>Resolve case %1: describe the remedy given to the citizen.</source>
        <translation>办结案件 %1：请说明为市民提供的解决措施。</translation>
    </message>
    <message>
        <source>Record the follow-up call on case %1 and the citizen&apos;s rating. A rating of 1 or 2 means the handling must be rectified.</source>
        <translation>记录案件 %1 的回访情况及市民的满意度评价。评价为 1 分或 2 分的，须进行整改。</translation>
    </message>
    <message>
        <source>Approve closing case %1. Its handling and follow-up are complete.</source>
        <translation>审核关闭案件 %1。该案件的办理和回访均已完成。</translation>
    </message>
    <message>
        <source>Reopen case %1 and say why.</source>
        <translation>重新办理案件 %1，并请说明原因。</translation>
    </message>
    <message>
        <source>Hand case %1 to another clerk or supervisor.</source>
        <translation>将案件 %1 改派给其他窗口工作人员或值班主任。</translation>
    </message>
    <message>
        <source>Add a note to the timeline of case %1.</source>
        <translation>在案件 %1 的办理记录中添加备注。</translation>
    </message>
    <message>
        <source>&amp;Remedy given to the citizen:</source>
        <translation>为市民提供的解决措施(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Note (required):</source>
        <translation>备注（必填）(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Note (optional):</source>
        <translation>备注（选填）(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>CaseChange</name>
    <message>
        <source>Case %1 was changed by someone else after you opened it; reopen it to see the changes, then try again.</source>
        <translation>您打开案件 %1 后，该案件已被他人修改；请重新打开查看修改内容后再试。</translation>
    </message>
</context>
<context>
    <name>CaseClocksWidget</name>
    <message>
        <source>Deadlines</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Deadline clocks of the case</source>
        <translation>案件的时限计时</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>计时项</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Pause clocks…</source>
        <translation>暂停计时…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>计时中</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>Met late</source>
        <translation>超时完成</translation>
    </message>
    <message>
        <source>Cannot be computed</source>
        <translation>无法计算</translation>
    </message>
    <message>
        <source>%1 if resumed now</source>
        <translation>如现在恢复：%1</translation>
    </message>
    <message>
        <source>%1 (done %2)</source>
        <translation>%1（%2 完成）</translation>
    </message>
    <message>
        <source>Clocks paused since %1 (%2): %3</source>
        <translation>自 %1 起暂停计时（%2）：%3</translation>
    </message>
    <message>
        <source>Resume clocks…</source>
        <translation>恢复计时…</translation>
    </message>
</context>
<context>
    <name>CaseEventKind</name>
    <message>
        <source>Case received</source>
        <translation>案件已受理</translation>
    </message>
    <message>
        <source>Citizen acknowledged</source>
        <translation>已回应市民</translation>
    </message>
    <message>
        <source>Handling started</source>
        <translation>已开始办理</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已转办</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新办理</translation>
    </message>
    <message>
        <source>Reassigned</source>
        <translation>已改派</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Facts confirmed</source>
        <translation>事实已确认</translation>
    </message>
    <message>
        <source>Impact confirmed</source>
        <translation>影响已确认</translation>
    </message>
    <message>
        <source>Steps confirmed</source>
        <translation>后续步骤已确认</translation>
    </message>
    <message>
        <source>Facts amended</source>
        <translation>事实已修改</translation>
    </message>
    <message>
        <source>Impact amended</source>
        <translation>影响已修改</translation>
    </message>
    <message>
        <source>Steps amended</source>
        <translation>后续步骤已修改</translation>
    </message>
    <message>
        <source>Clock paused</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Clock resumed</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>Transfer signed for</source>
        <translation>签收转办</translation>
    </message>
    <message>
        <source>Transfer returned</source>
        <translation>退回转办</translation>
    </message>
    <message>
        <source>Extension requested</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <source>Extension approved</source>
        <translation>批准延期</translation>
    </message>
    <message>
        <source>Extension refused</source>
        <translation>驳回延期</translation>
    </message>
    <message>
        <source>Follow-up attempt: not reached</source>
        <translation>回访未联系上</translation>
    </message>
    <message>
        <source>Marked unreachable</source>
        <translation>标记为无法联系</translation>
    </message>
    <message>
        <source>Rectification started</source>
        <translation>启动差评整改</translation>
    </message>
    <message>
        <source>Rectification stage done</source>
        <translation>完成整改环节</translation>
    </message>
    <message>
        <source>Rating appealed</source>
        <translation>提出评价申诉</translation>
    </message>
    <message>
        <source>Appeal approved</source>
        <translation>申诉复核通过</translation>
    </message>
    <message>
        <source>Appeal refused</source>
        <translation>申诉复核未通过</translation>
    </message>
    <message>
        <source>Rating given by the no-rating rule</source>
        <translation>逾期未评价，按规则默认评价</translation>
    </message>
    <message>
        <source>Supervisor&apos;s reminder</source>
        <translation>值班主任催办</translation>
    </message>
    <message>
        <source>Risk scored</source>
        <translation>风险评分</translation>
    </message>
    <message>
        <source>High-risk alert taken</source>
        <translation>高风险预警已接手</translation>
    </message>
    <message>
        <source>Crisis mode opened</source>
        <translation>启动危机处置</translation>
    </message>
    <message>
        <source>Crisis step done</source>
        <translation>危机处置步骤完成</translation>
    </message>
    <message>
        <source>Public statement issued</source>
        <translation>发布公开回应</translation>
    </message>
    <message>
        <source>Crisis mode closed</source>
        <translation>结束危机处置</translation>
    </message>
    <message>
        <source>Post-crisis review recorded</source>
        <translation>危机复盘已记录</translation>
    </message>
</context>
<context>
    <name>CaseLifecycle</name>
    <message>
        <source>Only a newly received case can be acknowledged; this one is &quot;%1&quot;.</source>
        <translation>只有新受理的案件才能回应；该案件当前为“%1”。</translation>
    </message>
    <message>
        <source>Acknowledge the citizen before starting to handle the case.</source>
        <translation>请先回应市民，再开始办理案件。</translation>
    </message>
    <message>
        <source>Handling can only start on an acknowledged case; this one is &quot;%1&quot;.</source>
        <translation>只有已回应的案件才能开始办理；该案件当前为“%1”。</translation>
    </message>
    <message>
        <source>Only an open case can be transferred; this one is &quot;%1&quot;. Reopen it first.</source>
        <translation>只有未办结的案件才能转办；该案件当前为“%1”。请先重新办理该案件。</translation>
    </message>
    <message>
        <source>A closed case cannot be escalated. Reopen it first.</source>
        <translation>已关闭的案件不能升级。请先重新办理该案件。</translation>
    </message>
    <message>
        <source>Acknowledge the citizen before resolving the case.</source>
        <translation>请先回应市民，再办结案件。</translation>
    </message>
    <message>
        <source>The case is already &quot;%1&quot;.</source>
        <translation>该案件已是“%1”状态。</translation>
    </message>
    <message>
        <source>An anonymous complaint has nobody to call back; a supervisor can close it directly.</source>
        <translation>匿名投诉无法回访，值班主任可直接关闭该案件。</translation>
    </message>
    <message>
        <source>A follow-up is recorded after the case is resolved; this one is &quot;%1&quot;.</source>
        <translation>回访须在案件办结后记录；该案件当前为“%1”。</translation>
    </message>
    <message>
        <source>Call the citizen back and record the follow-up before closing the case.</source>
        <translation>请先回访市民并记录回访情况，再关闭案件。</translation>
    </message>
    <message>
        <source>Only a followed-up case can be closed; this one is &quot;%1&quot;.</source>
        <translation>只有已回访的案件才能关闭；该案件当前为“%1”。</translation>
    </message>
    <message>
        <source>The case is still open (&quot;%1&quot;); there is nothing to reopen.</source>
        <translation>该案件尚未办结（“%1”），无需重新办理。</translation>
    </message>
    <message>
        <source>A closed case cannot be reassigned. Reopen it first.</source>
        <translation>已关闭的案件不能改派。请先重新办理该案件。</translation>
    </message>
    <message>
        <source>Unknown action.</source>
        <translation>未知操作。</translation>
    </message>
</context>
<context>
    <name>CaseListWidget</name>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Search case number or complaint text (Ctrl+F)</source>
        <translation>搜索案件编号或投诉内容（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <source>Record a new complaint (Ctrl+N)</source>
        <translation>登记新的投诉（Ctrl+N）</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未办结案件</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) shown</source>
        <translation>
            <numerusform>显示 %n 个案件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n case(s) loaded; scroll down for more</source>
        <translation>
            <numerusform>已加载 %1 个（共 %n 个）案件，向下滚动可查看更多</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 个案件</numerusform>
        </translation>
    </message>
    <message>
        <source>No cases yet. When a citizen brings a complaint, record it with &quot;New case&quot; (Ctrl+N).</source>
        <translation>暂无案件。市民前来投诉时，请通过“新建案件”（Ctrl+N）登记。</translation>
    </message>
    <message>
        <source>No cases yet. Cases recorded at the desk will appear here.</source>
        <translation>暂无案件。窗口登记的案件将显示在这里。</translation>
    </message>
    <message>
        <source>Assigned to &amp;me</source>
        <translation>只看我的(&amp;M)</translation>
    </message>
    <message>
        <source>Show only the cases you are working on</source>
        <translation>只显示由您承办的案件</translation>
    </message>
    <message>
        <source>Overdue cases</source>
        <translation>已超期案件</translation>
    </message>
    <message>
        <source>No case matches this filter. Clear the search, choose another status or untick &quot;Assigned to me&quot; to see more cases.</source>
        <translation>没有符合筛选条件的案件。请清除搜索内容、选择其他状态或取消勾选“只看我的”以查看更多案件。</translation>
    </message>
    <message>
        <source>Loading cases…</source>
        <translation>正在加载案件…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) shown; counting…</source>
        <translation>
            <numerusform>显示 %n 个案件，正在统计总数…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2+ cases loaded; scroll down for more</source>
        <translation>已加载 %1 个（共 %2 个以上）案件，向下滚动可查看更多</translation>
    </message>
    <message>
        <source>Staff &amp;report…</source>
        <translation>员工上报(&amp;R)…</translation>
    </message>
    <message>
        <source>Report a problem you noticed yourself (non-punitive)</source>
        <translation>上报您自己发现的问题（不追究责任）</translation>
    </message>
    <message>
        <source>My open cases</source>
        <translation>我的在办案件</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>Awaiting follow-up</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Awaiting sign-for</source>
        <translation>待签收</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Apply the no-&amp;rating rule…</source>
        <translation>执行默认评价规则(&amp;R)…</translation>
    </message>
    <message>
        <source>Rate the resolved cases whose citizens gave no rating in time, as the hall&apos;s rule says</source>
        <translation>按本大厅规则，为逾期未评价的已办结案件给出默认评价</translation>
    </message>
    <message>
        <source>Apply the no-rating rule</source>
        <translation>执行默认评价规则</translation>
    </message>
    <message numerus="yes">
        <source>Every resolved case whose citizen has given no rating %n day(s) after its resolution will be rated “%1” and marked as followed up.</source>
        <translation>
            <numerusform>办结后 %n 天内市民仍未评价的已办结案件，将被评为“%1”并标记为已回访。</numerusform>
        </translation>
    </message>
    <message>
        <source>Each such case gets a “rating defaulted” event on its timeline and an entry in the audit log. Cases already rated are not touched.</source>
        <translation>每个这样的案件都会在办理记录中增加一条“默认评价”事件，并写入审计日志。已评价的案件不受影响。</translation>
    </message>
    <message>
        <source>Rate the cases</source>
        <translation>给出默认评价</translation>
    </message>
    <message>
        <source>The no-rating rule rated no case: none has waited long enough.</source>
        <translation>默认评价规则未评价任何案件：没有案件已等待足够长的时间。</translation>
    </message>
    <message numerus="yes">
        <source>The no-rating rule rated %n case(s).</source>
        <translation>
            <numerusform>默认评价规则已为 %n 个案件给出评价。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseService</name>
    <message>
        <source>Record the complaint in the citizen&apos;s own words.</source>
        <translation>请用市民自己的话记录投诉内容。</translation>
    </message>
    <message>
        <source>The complaint text is longer than %1 characters.</source>
        <translation>投诉内容超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>Waiting time must be between 0 and %1 minutes.</source>
        <translation>等候时长须在 0 至 %1 分钟之间。</translation>
    </message>
    <message>
        <source>The time received lies in the future.</source>
        <translation>受理时间晚于当前时间，请核对。</translation>
    </message>
    <message>
        <source>The chosen window does not exist.</source>
        <translation>所选窗口不存在。</translation>
    </message>
    <message>
        <source>The chosen service item does not exist.</source>
        <translation>所选事项不存在。</translation>
    </message>
    <message>
        <source>The chosen category does not exist.</source>
        <translation>所选类别不存在。</translation>
    </message>
    <message>
        <source>The chosen department does not exist.</source>
        <translation>所选责任部门不存在。</translation>
    </message>
    <message>
        <source>The complaint was made anonymously.</source>
        <translation>该投诉为匿名投诉。</translation>
    </message>
    <message>
        <source>Write a note that says why.</source>
        <translation>请填写备注，说明原因。</translation>
    </message>
    <message>
        <source>Describe the remedy given to the citizen.</source>
        <translation>请说明为市民提供的解决措施。</translation>
    </message>
    <message>
        <source>Record the citizen&apos;s rating, from 1 (very dissatisfied) to 5 (very satisfied).</source>
        <translation>请记录市民的满意度评价，从 1 分（非常不满意）到 5 分（非常满意）。</translation>
    </message>
    <message>
        <source>The recommendation score runs from 0 to 10.</source>
        <translation>推荐度须在 0 至 10 分之间。</translation>
    </message>
    <message>
        <source>Choose who takes the case over.</source>
        <translation>请选择接办该案件的人员。</translation>
    </message>
    <message>
        <source>The case is already assigned to that person.</source>
        <translation>该案件已由此人承办。</translation>
    </message>
    <message>
        <source>Cases can only be assigned to an active clerk or supervisor.</source>
        <translation>案件只能改派给账户已启用的窗口工作人员或值班主任。</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已回应</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Overdue: a concrete answer was due by %1.</source>
        <translation>已超期：应于 %1 前给出具体答复。</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>此列不能排序。</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Waited (min)</source>
        <translation>等候时长（分钟）</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
</context>
<context>
    <name>CaseViewWidget</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>窗口：</translation>
    </message>
    <message>
        <source>Service item:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>责任部门：</translation>
    </message>
    <message>
        <source>Assignee:</source>
        <translation>承办人：</translation>
    </message>
    <message>
        <source>Waited:</source>
        <translation>等候时长：</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>受理时间：</translation>
    </message>
    <message>
        <source>Acknowledged:</source>
        <translation>回应时间：</translation>
    </message>
    <message>
        <source>Resolved:</source>
        <translation>办结时间：</translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation>满意度评价：</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Facts:</source>
        <translation>事实：</translation>
    </message>
    <message>
        <source>Impact:</source>
        <translation>影响：</translation>
    </message>
    <message>
        <source>Next steps:</source>
        <translation>后续步骤：</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>市民信息</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation>操作：</translation>
    </message>
    <message numerus="yes">
        <source>%1 (transferred %n time(s))</source>
        <translation>
            <numerusform>%1（已转办 %n 次）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>%1 of 5, recommendation %2 of 10</source>
        <translation>%1 分（满分 5 分），推荐度 %2 分（满分 10 分）</translation>
    </message>
    <message>
        <source>%1 of 5</source>
        <translation>%1 分（满分 5 分）</translation>
    </message>
    <message>
        <source>Hidden: your role may not read citizens&apos; personal data.</source>
        <translation>已隐藏：您的角色无权查看市民个人信息。</translation>
    </message>
    <message>
        <source>Anonymous complaint: no personal data was recorded.</source>
        <translation>匿名投诉：未登记个人信息。</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>status change</comment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1…</source>
        <comment>button that opens a dialog</comment>
        <translation>%1…</translation>
    </message>
    <message>
        <source>No action is open to you on this case.</source>
        <translation>您对该案件暂无可执行的操作。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>A&amp;mend intake…</source>
        <translation>修改受理信息(&amp;M)…</translation>
    </message>
    <message>
        <source>Emotion:</source>
        <translation>情绪：</translation>
    </message>
    <message>
        <source>Demand:</source>
        <translation>诉求：</translation>
    </message>
    <message>
        <source>Classification:</source>
        <translation>分类：</translation>
    </message>
    <message>
        <source>Judgement:</source>
        <translation>研判：</translation>
    </message>
    <message>
        <source>Remedies:</source>
        <translation>解决措施：</translation>
    </message>
    <message>
        <source>Promised:</source>
        <translation>承诺答复：</translation>
    </message>
    <message>
        <source>Reply:</source>
        <translation>答复：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Resolved on the spot: %1</source>
        <translation>已当场解决：%1</translation>
    </message>
    <message>
        <source>%1 (later because: %2)</source>
        <translation>%1（延后原因：%2）</translation>
    </message>
    <message>
        <source>%1 — left out of the figures after an appeal</source>
        <translation>%1 — 经申诉复核不计入统计</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>办理时限：</translation>
    </message>
    <message>
        <source>Im&amp;provement</source>
        <translation>整改(&amp;P)</translation>
    </message>
    <message>
        <source>A systemic cause behind this case: open an improvement action from it, or add it to an open one.</source>
        <translation>此案件背后有系统性原因：可据此新建整改措施，或将其加入一项未完成的措施。</translation>
    </message>
    <message>
        <source>New improvement action…</source>
        <translation>新建整改措施…</translation>
    </message>
    <message>
        <source>Add to an existing action…</source>
        <translation>加入已有措施…</translation>
    </message>
    <message>
        <source>Risk not scored yet</source>
        <translation>尚未进行风险评分</translation>
    </message>
    <message>
        <source>&amp;Why this risk?</source>
        <translation>为何是此风险(&amp;W)？</translation>
    </message>
    <message>
        <source>Which words, which signal, what weight</source>
        <translation>哪些词语、哪个信号、多少权重</translation>
    </message>
    <message>
        <source>Public-opinion crisis: open the crisis of this case, or start one for it (the golden-hours clock, checklist and statements).</source>
        <translation>舆情危机：打开本案件所在的危机处置，或为其启动危机处置（黄金时间倒计时、处置清单和公开回应）。</translation>
    </message>
    <message>
        <source>In crisis mode since %1: %2</source>
        <translation>自 %1 起处于危机处置中：%2</translation>
    </message>
    <message>
        <source>Crisis mode</source>
        <translation>危机处置</translation>
    </message>
    <message>
        <source>Start crisis mode for case %1? The golden-hours clock to the first public statement starts now.</source>
        <translation>为案件 %1 启动危机处置？距首次公开回应的黄金时间倒计时将立即开始。</translation>
    </message>
    <message>
        <source>Starting crisis mode…</source>
        <translation>正在启动危机处置…</translation>
    </message>
    <message>
        <source>Cr&amp;isis mode…</source>
        <translation>危机处置(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>CaseWorkspaceWidget</name>
    <message>
        <source>Case %1 recorded. Press Enter to open it.</source>
        <translation>案件 %1 已登记。按 Enter 键可打开该案件。</translation>
    </message>
    <message>
        <source>Case %1 is now &quot;%2&quot;.</source>
        <translation>案件 %1 当前状态为“%2”。</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Case list</source>
        <translation>案件列表</translation>
    </message>
    <message>
        <source>A kept intake draft could not be read: %1</source>
        <translation>无法读取保存的受理草稿：%1</translation>
    </message>
    <message>
        <source>Unfinished intake</source>
        <translation>未完成的受理</translation>
    </message>
    <message>
        <source>An intake you had not finished was kept (%1):

“%2”

Continue it now?</source>
        <translation>保存了一份您尚未完成的受理（%1）：

“%2”

现在继续吗？</translation>
    </message>
    <message>
        <source>&amp;Continue it</source>
        <translation>继续受理(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Discard it and start anew</source>
        <translation>放弃并重新开始(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Discard it</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>The kept intake was discarded.</source>
        <translation>已放弃保存的受理草稿。</translation>
    </message>
    <message>
        <source>The intake was kept as a draft; it is offered again next time.</source>
        <translation>受理内容已保存为草稿，下次将再次提示。</translation>
    </message>
    <message>
        <source>Thank you for the report. It was recorded as case %1.</source>
        <translation>感谢您的上报。已登记为案件 %1。</translation>
    </message>
</context>
<context>
    <name>CasesBehindDialog</name>
    <message>
        <source>Cases: %1</source>
        <translation>案件：%1</translation>
    </message>
    <message>
        <source>Loading the cases…</source>
        <translation>正在加载案件…</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>No cases.</source>
        <translation>无案件。</translation>
    </message>
    <message>
        <source>The newest %1 of %2 cases. Double-click a case to open it.</source>
        <translation>共 %2 件案件，显示最新的 %1 件。双击案件即可打开。</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s). Double-click a case to open it.</source>
        <translation>
            <numerusform>共 %n 件案件。双击案件即可打开。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <source>Staff report</source>
        <translation>员工上报</translation>
    </message>
</context>
<context>
    <name>CitizenValidator</name>
    <message>
        <source>&quot;%1&quot; is not a phone number (mobile: 11 digits; landline: area code and number).</source>
        <translation>“%1”不是有效的电话号码（手机号码为 11 位数字；固定电话为区号加号码）。</translation>
    </message>
    <message>
        <source>The ID number is not a valid 18-digit resident ID (check the digits and the last character).</source>
        <translation>身份证号不是有效的 18 位居民身份证号码，请核对各位数字及最后一位。</translation>
    </message>
    <message>
        <source>The name is longer than 100 characters.</source>
        <translation>姓名不能超过 100 个字符。</translation>
    </message>
    <message>
        <source>The address is longer than 300 characters.</source>
        <translation>地址不能超过 300 个字符。</translation>
    </message>
</context>
<context>
    <name>CliApp</name>
    <message>
        <source>No command given.</source>
        <translation>未指定命令。</translation>
    </message>
    <message>
        <source>Give either --db or --pg, not both.</source>
        <translation>--db 和 --pg 只能指定其中一个。</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>version takes no options.</source>
        <translation>version 命令不接受任何选项。</translation>
    </message>
    <message>
        <source>init takes no options.</source>
        <translation>init 命令不接受任何选项。</translation>
    </message>
    <message>
        <source>Created %1 with schema %2.</source>
        <translation>已创建 %1，数据库结构版本为 %2。</translation>
    </message>
    <message>
        <source>Migrated %1 from schema %2 to %3.</source>
        <translation>已将 %1 的数据库结构从版本 %2 迁移至版本 %3。</translation>
    </message>
    <message>
        <source>%1 is up to date (schema %2).</source>
        <translation>%1 已是最新（数据库结构版本 %2）。</translation>
    </message>
    <message>
        <source>database integrity: ok</source>
        <translation>数据库完整性：正常</translation>
    </message>
    <message>
        <source>database integrity: FAILED</source>
        <translation>数据库完整性：检查未通过</translation>
    </message>
    <message>
        <source>audit chain: ok (entries checked: %1)</source>
        <translation>审计哈希链：正常（已检查 %1 条记录）</translation>
    </message>
    <message>
        <source>audit chain: BROKEN at entry %1: %2</source>
        <translation>审计哈希链：在第 %1 条记录处断裂：%2</translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation>未知选项 %1。</translation>
    </message>
    <message>
        <source>--from needs a date-time, YYYY-MM-DD HH:MM[:SS].</source>
        <translation>--from 需要一个日期时间，格式为 YYYY-MM-DD HH:MM[:SS]。</translation>
    </message>
    <message>
        <source>Give exactly one of --working-days N and --hours N.</source>
        <translation>--working-days N 和 --hours N 须且只能指定其中一个。</translation>
    </message>
    <message>
        <source>N must be a whole number, 0 or more.</source>
        <translation>N 必须是大于或等于 0 的整数。</translation>
    </message>
    <message>
        <source>user needs a subcommand: add, list or disable.</source>
        <translation>user 命令需要子命令：add、list 或 disable。</translation>
    </message>
    <message>
        <source>Unknown user subcommand &quot;%1&quot;.</source>
        <translation>未知的 user 子命令“%1”。</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again: </source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>user add needs exactly one LOGIN.</source>
        <translation>user add 须且只能指定一个 LOGIN。</translation>
    </message>
    <message>
        <source>user add needs --role clerk|supervisor|trainer|admin.</source>
        <translation>user add 需要指定 --role clerk|supervisor|trainer|admin。</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;; use clerk, supervisor, trainer or admin.</source>
        <translation>未知角色“%1”，请使用 clerk、supervisor、trainer 或 admin。</translation>
    </message>
    <message>
        <source>No password was given on standard input.</source>
        <translation>标准输入中未提供密码。</translation>
    </message>
    <message>
        <source>Created user %1 (%2).</source>
        <translation>已创建用户 %1（%2）。</translation>
    </message>
    <message>
        <source>user list takes no options.</source>
        <translation>user list 命令不接受任何选项。</translation>
    </message>
    <message>
        <source>user disable needs exactly one LOGIN.</source>
        <translation>user disable 须且只能指定一个 LOGIN。</translation>
    </message>
    <message>
        <source>Disabled user %1; their records stay.</source>
        <translation>已停用用户 %1，其记录仍予保留。</translation>
    </message>
    <message>
        <source>backup takes only --out FILE.</source>
        <translation>backup 只接受 --out FILE 参数。</translation>
    </message>
    <message>
        <source>backup needs --out FILE.</source>
        <translation>backup 需要 --out FILE 参数。</translation>
    </message>
    <message>
        <source>Copied %1 to %2.</source>
        <translation>已将 %1 复制到 %2。</translation>
    </message>
    <message>
        <source>Use: calendar list YEAR, or calendar import FILE.</source>
        <translation>用法：calendar list YEAR，或 calendar import FILE。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>YEAR is a year such as 2027.</source>
        <translation>YEAR 应为年份，例如 2027。</translation>
    </message>
    <message>
        <source>The calendar has no entries for %1.</source>
        <translation>节假日日历中没有 %1 年的安排。</translation>
    </message>
    <message>
        <source>Replaced the holiday calendar of %1.</source>
        <translation>已替换 %1 年的节假日日历。</translation>
    </message>
    <message>
        <source>Unknown status &quot;%1&quot;; use received, acknowledged, in_progress, resolved, followed_up, closed or open.</source>
        <translation>未知状态“%1”，请使用 received、acknowledged、in_progress、resolved、followed_up、closed 或 open。</translation>
    </message>
    <message>
        <source>--status needs a status.</source>
        <translation>--status 需要指定一个状态。</translation>
    </message>
    <message>
        <source>--sort takes received, case_no, status, category, window or waited.</source>
        <translation>--sort 只接受 received、case_no、status、category、window 或 waited。</translation>
    </message>
    <message>
        <source>--limit needs a whole number, 1 or more.</source>
        <translation>--limit 需要一个大于或等于 1 的整数。</translation>
    </message>
    <message>
        <source>There is no user &quot;%1&quot;.</source>
        <translation>用户“%1”不存在。</translation>
    </message>
    <message>
        <source>Created the audit key %1 (key %2). Every desk of the hall needs this same file, mode 0600 (README: &quot;The audit key&quot;).</source>
        <translation>已创建审计密钥 %1（密钥 %2）。本大厅的每个窗口都需要使用这同一个文件，权限设为 0600（参见 README：“The audit key”）。</translation>
    </message>
    <message>
        <source>Audit key: %1 (key %2).</source>
        <translation>审计密钥：%1（密钥 %2）。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>verify takes only --checkpoint FILE.</source>
        <translation>verify 只接受 --checkpoint FILE 参数。</translation>
    </message>
    <message>
        <source>--checkpoint needs a FILE.</source>
        <translation>--checkpoint 需要 FILE 参数。</translation>
    </message>
    <message>
        <source>Cannot read the checkpoint %1: %2</source>
        <translation>无法读取检查点 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an audit checkpoint written by qingting-cli audit checkpoint.</source>
        <translation>%1 不是由 qingting-cli audit checkpoint 生成的审计检查点。</translation>
    </message>
    <message>
        <source>NOT CHECKED: it is signed with key %1, which this desk&apos;s audit key file does not hold.</source>
        <translation>未校验：该检查点使用密钥 %1 签名，而本机的审计密钥文件中没有该密钥。</translation>
    </message>
    <message>
        <source>FAILED: its signature does not match; the file was altered or not made with this hall&apos;s key.</source>
        <translation>未通过：签名不匹配；该文件已被改动，或并非使用本大厅的密钥生成。</translation>
    </message>
    <message>
        <source>audit key: ok (key %1; sealed entries: %2, older unkeyed entries: %3)</source>
        <translation>审计密钥：正常（密钥 %1；已封签记录 %2 条，无密钥的旧记录 %3 条）</translation>
    </message>
    <message>
        <source>audit key: NOT CHECKED: %1 Only the chain&apos;s structure and the older unkeyed hashes were verified; a chain re-forged by someone with write access would pass this check.</source>
        <translation>审计密钥：未校验：%1 仅校验了哈希链结构和无密钥旧记录的哈希值；拥有写入权限的人重新伪造的哈希链同样能通过此项检查。</translation>
    </message>
    <message>
        <source>checkpoint: %1</source>
        <translation>检查点：%1</translation>
    </message>
    <message>
        <source>checkpoint: ok (entry %1, signed %2)</source>
        <translation>检查点：正常（第 %1 条记录，签名于 %2）</translation>
    </message>
    <message>
        <source>checkpoint: NOT CHECKED</source>
        <translation>检查点：未校验</translation>
    </message>
    <message>
        <source>Use: audit checkpoint --out FILE.</source>
        <translation>用法：audit checkpoint --out FILE。</translation>
    </message>
    <message>
        <source>audit checkpoint needs --out FILE.</source>
        <translation>audit checkpoint 需要 --out FILE 参数。</translation>
    </message>
    <message>
        <source>%1 exists already; choose a new file name.</source>
        <translation>%1 已存在，请换一个文件名。</translation>
    </message>
    <message>
        <source>The audit chain does not verify, so no checkpoint was signed: %1</source>
        <translation>审计哈希链校验未通过，因此未签署检查点：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Checkpoint of entry %1 written to %2. Keep it away from the database (another machine, paper).</source>
        <translation>已将第 %1 条记录的检查点写入 %2。请将其与数据库分开保存（如存放在另一台计算机上或打印在纸上）。</translation>
    </message>
    <message>
        <source>demo takes no positional arguments.</source>
        <translation>demo 命令不接受位置参数。</translation>
    </message>
    <message>
        <source>demo needs --cases N, a whole number from 1 to %1.</source>
        <translation>demo 需要 --cases N 参数，N 为 1 至 %1 之间的整数。</translation>
    </message>
    <message>
        <source>--days must be a whole number from 1 to %1.</source>
        <translation>--days 必须是 1 至 %1 之间的整数。</translation>
    </message>
    <message>
        <source>--end needs a date, YYYY-MM-DD.</source>
        <translation>--end 需要一个日期，格式为 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>--end must not lie in the future.</source>
        <translation>--end 不能是将来的日期。</translation>
    </message>
    <message>
        <source>--seed must be a whole number, 0 or more.</source>
        <translation>--seed 必须是大于或等于 0 的整数。</translation>
    </message>
    <message>
        <source>demo: %1 of %2 cases (%3 s)</source>
        <translation>demo：已生成 %1 个（共 %2 个）案件（%3 秒）</translation>
    </message>
    <message>
        <source>cases %1, events %2, follow-ups %3, queue visits %4, citizens %5, seconds %6</source>
        <translation>案件 %1，事件 %2，回访 %3，排队记录 %4，市民 %5，用时 %6 秒</translation>
    </message>
    <message>
        <source>Interrupted: the cases written so far stay, and the audit log records them.</source>
        <translation>已中断：已写入的案件将予保留，并已记录在审计日志中。</translation>
    </message>
    <message>
        <source>lint-reply reads the reply from stdin and takes no other words.</source>
        <translation>lint-reply 从标准输入读取答复，不接受其他参数。</translation>
    </message>
    <message>
        <source>No database: checking with the built-in rules.</source>
        <translation>未指定数据库：使用内置规则检查。</translation>
    </message>
    <message>
        <source>Cannot read stdin.</source>
        <translation>无法读取标准输入。</translation>
    </message>
    <message>
        <source>mean %1, median %2</source>
        <translation>平均 %1，中位数 %2</translation>
    </message>
    <message>
        <source>, p90 %1</source>
        <translation>，p90 %1</translation>
    </message>
    <message>
        <source> (n %1)</source>
        <translation>（n %1）</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计时段</translation>
    </message>
    <message>
        <source>%1 to %2, as of %3</source>
        <translation>%1 至 %2，截至 %3</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>First response (minutes)</source>
        <translation>首次响应（分钟）</translation>
    </message>
    <message>
        <source>Resolution (hours)</source>
        <translation>办结用时（小时）</translation>
    </message>
    <message>
        <source>Answered within 48 hours</source>
        <translation>48 小时内答复</translation>
    </message>
    <message>
        <source>%1 (n %2)</source>
        <translation>%1（n %2）</translation>
    </message>
    <message>
        <source>CSAT (rated 4 or 5)</source>
        <translation>满意率（评为 4 或 5）</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值（NPS）</translation>
    </message>
    <message>
        <source>Recurrence within 30 days of closing</source>
        <translation>关闭后 30 天内再次投诉</translation>
    </message>
    <message>
        <source>Waiting in the queue (minutes)</source>
        <translation>排队等候（分钟）</translation>
    </message>
    <message>
        <source>Transfers per case</source>
        <translation>每件转办次数</translation>
    </message>
    <message>
        <source>Cases by category (most first):</source>
        <translation>按类别的案件数（从多到少）：</translation>
    </message>
    <message>
        <source>  %1: %2 (%3, cumulative %4)</source>
        <translation>  %1：%2（%3，累计 %4）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>stats takes no arguments besides its options.</source>
        <translation>stats 除选项外不接受其他参数。</translation>
    </message>
    <message>
        <source>--%1 needs a date as YYYY-MM-DD, not &quot;%2&quot;.</source>
        <translation>--%1 需要 YYYY-MM-DD 格式的日期，而不是“%2”。</translation>
    </message>
    <message>
        <source>--from (%1) is after --to (%2).</source>
        <translation>--from（%1）晚于 --to（%2）。</translation>
    </message>
    <message>
        <source>--as-of needs a date and time as YYYY-MM-DD HH:MM[:SS], not &quot;%1&quot;.</source>
        <translation>--as-of 需要 YYYY-MM-DD HH:MM[:SS] 格式的日期时间，而不是“%1”。</translation>
    </message>
    <message>
        <source>%1 needs one FILE.</source>
        <translation>%1 需要一个 FILE 参数。</translation>
    </message>
    <message>
        <source>%1: %2 of %3 rows (%4 s)</source>
        <translation>%1：%2 / %3 行（%4 秒）</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>%1: read %2, imported %3, duplicates %4, rejected %5 (%6)</source>
        <translation>%1：读取 %2，导入 %3，重复 %4，拒绝 %5（%6）</translation>
    </message>
    <message>
        <source>Interrupted: nothing was imported.</source>
        <translation>已中断：未导入任何数据。</translation>
    </message>
    <message>
        <source>%1 row(s) rejected: nothing was imported (--skip-bad imports the good rows).</source>
        <translation>%1 行被拒绝：未导入任何数据（使用 --skip-bad 可导入无误的行）。</translation>
    </message>
    <message>
        <source>The good rows were imported, but the rejected rows could not be saved: %1</source>
        <translation>无误的行已导入，但被拒绝的行无法保存：%1</translation>
    </message>
    <message>
        <source>%1 row(s) rejected; they and their reasons are in %2.</source>
        <translation>%1 行被拒绝；这些行及其原因已保存在 %2。</translation>
    </message>
    <message>
        <source>report takes no arguments besides its options.</source>
        <translation>report 除选项外不接受其他参数。</translation>
    </message>
    <message>
        <source>report needs --format pdf, xlsx or csv.</source>
        <translation>report 需要 --format pdf、xlsx 或 csv。</translation>
    </message>
    <message>
        <source>--format takes pdf, xlsx or csv, not &quot;%1&quot;.</source>
        <translation>--format 只接受 pdf、xlsx 或 csv，不接受“%1”。</translation>
    </message>
    <message>
        <source>report needs --out FILE.</source>
        <translation>report 需要 --out FILE。</translation>
    </message>
    <message>
        <source>%1 exists; use --force to replace it.</source>
        <translation>%1 已存在；如要替换，请加 --force。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>%1 needs --%2 DATE (YYYY-MM-DD).</source>
        <translation>%1 需要 --%2 DATE（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>anonymize reads the text from stdin and takes no other words.</source>
        <translation>anonymize 从标准输入读取文本，不接受其他参数。</translation>
    </message>
    <message>
        <source>risk reads the texts from stdin, one a line, and takes no other words.</source>
        <translation>risk 从标准输入逐行读取文本，不接受其他参数。</translation>
    </message>
    <message>
        <source>The copy %1 does not open: %2</source>
        <translation>副本 %1 无法打开：%2</translation>
    </message>
    <message>
        <source>The copy %1 does not verify:</source>
        <translation>副本 %1 未通过校验：</translation>
    </message>
    <message>
        <source>Verified the copy: database integrity ok, audit chain ok (entries checked: %1).</source>
        <translation>副本已校验：数据库完整性正常，审计链正常（已校验 %1 条记录）。</translation>
    </message>
    <message>
        <source>restore takes only --from FILE.</source>
        <translation>restore 只接受 --from FILE。</translation>
    </message>
    <message>
        <source>restore needs --from FILE.</source>
        <translation>restore 需要 --from FILE。</translation>
    </message>
    <message>
        <source>A PostgreSQL database is restored on the server, with pg_restore (README: &quot;Backups&quot;); this command restores SQLite files.</source>
        <translation>PostgreSQL 数据库请在服务器上使用 pg_restore 恢复（参见 README“Backups”）；此命令用于恢复 SQLite 文件。</translation>
    </message>
    <message>
        <source>Restored %1 from %2 (schema %3; audit chain ok, entries checked: %4).</source>
        <translation>已从 %2 恢复 %1（数据库结构版本 %3；审计链正常，已校验 %4 条记录）。</translation>
    </message>
    <message>
        <source>The database it replaced is kept at %1.</source>
        <translation>被替换的数据库保留在 %1。</translation>
    </message>
    <message>
        <source>Usage: qingting-cli [--db PATH | --pg URL] COMMAND [options]
Commands:
  version                         the program and schema versions
  init                            create or migrate the database
  verify [--checkpoint FILE]      check database integrity and the audit chain (with the audit
                                  key: every entry&apos;s seal; FILE: a signed checkpoint it must hold)
  audit checkpoint --out FILE     sign the verified head of the audit chain into FILE
  deadline --from DATETIME (--working-days N | --hours N)
                                  the due time under the holiday calendar
  backup --out FILE               a consistent copy of the SQLite database, while in use,
                                  then opened and verified as `verify` does
  restore --from FILE             replace the SQLite database with a verified backup; the
                                  current one is kept aside as FILE.before-restore-TIME
  retention purge --years N [--as-of DATE] [--dry-run]
                                  erase the personal data of citizens whose cases all closed
                                  more than N years ago; their cases&apos; text is anonymized
  calendar list YEAR              the holiday arrangement of a year (date,kind,name)
  calendar import FILE            replace the years in FILE (date,kind,name CSV, UTF-8)
  cases [--status S[,S...]|open] [--overdue] [--assignee LOGIN] [--search TEXT]
        [--sort received|case_no|status|category|window|waited] [--desc] [--limit N] [--json]
                                  the case list as the desk shows it (no personal data)
  lint-reply [--json]             check a draft reply (stdin) with the reply rules: one finding a
                                  line (kind, words, advice), or {&quot;findings&quot;: [...]}
  anonymize                       stdin to stdout with personal data masked, line for line
  risk [--json]                   one complaint text a line (stdin): score, level, signals and
                                  evidence, tab-separated, or {&quot;score&quot;, &quot;level&quot;, &quot;signals&quot;}
  import-cases FILE [--skip-bad]  import cases from CSV (FORMATS.md); all or nothing, or with
                                  --skip-bad the good rows and FILE.rejects.csv for the rest
  import-queue FILE [--skip-bad]  import queue visits (取号系统) from CSV, the same way
  stats --from DATE --to DATE [--as-of DATETIME] [--json] [--recompute]
                                  the figures of a period (cases by received date, whole days)
  report --from DATE --to DATE --format pdf|xlsx|csv --out FILE [--force] [--as-of DATETIME]
                                  the periodic review report (复盘报告); --force replaces FILE
  user add LOGIN --role clerk|supervisor|trainer|admin [--name NAME]
                                  create a user (password: first line of stdin)
  user list                       users, tab-separated
  user disable LOGIN              stop a user from logging in
  demo --cases N [--days D] [--end DATE] [--seed S] [--append]
                                  fill the database with realistic synthetic cases</source>
        <translation>用法：qingting-cli [--db PATH | --pg URL] COMMAND [options]
命令：
  version                         显示程序版本和数据库结构版本
  init                            创建或迁移数据库
  verify [--checkpoint FILE]      检查数据库完整性和审计哈希链（有审计密钥时：校验每条记录的
                                  封签；FILE：哈希链必须包含的已签名检查点）
  audit checkpoint --out FILE     将已校验的审计哈希链链首签名写入 FILE
  deadline --from DATETIME (--working-days N | --hours N)
                                  按节假日日历计算的办理时限
  backup --out FILE               在使用中生成 SQLite 数据库的一致性副本，
                                  并像 `verify` 一样打开副本进行校验
  restore --from FILE             用经过校验的备份替换 SQLite 数据库；当前数据库
                                  另存为 FILE.before-restore-TIME
  retention purge --years N [--as-of DATE] [--dry-run]
                                  清除案件全部办结已满 N 年的市民的个人信息；
                                  其案件文字经脱敏处理
  calendar list YEAR              某一年的节假日安排（date,kind,name）
  calendar import FILE            替换 FILE 中所含年份的安排（date,kind,name 格式的 CSV，UTF-8）
  cases [--status S[,S...]|open] [--overdue] [--assignee LOGIN] [--search TEXT]
        [--sort received|case_no|status|category|window|waited] [--desc] [--limit N] [--json]
                                  与窗口界面一致的案件列表（不含个人信息）
  lint-reply [--json]             按答复规则检查答复草稿（从标准输入读取）：每行一条问题
                                  （类型、词语、建议），或输出 {&quot;findings&quot;: [...]}
  anonymize                       从标准输入逐行读取文本，遮蔽个人信息后输出到标准输出
  risk [--json]                   逐行读取投诉文本（标准输入）：以制表符分隔输出评分、等级、信号
                                  和依据，或输出 {&quot;score&quot;, &quot;level&quot;, &quot;signals&quot;}
  import-cases FILE [--skip-bad]  从 CSV 文件导入案件（见 FORMATS.md）：全部导入或全部不导入；
                                  加 --skip-bad 时导入无误的行，其余写入 FILE.rejects.csv
  import-queue FILE [--skip-bad]  以同样方式从 CSV 文件导入排队记录（取号系统）
  stats --from DATE --to DATE [--as-of DATETIME] [--json] [--recompute]
                                  某一时段的统计指标（按受理日期选取案件，整日计）
  report --from DATE --to DATE --format pdf|xlsx|csv --out FILE [--force] [--as-of DATETIME]
                                  某一时段的复盘报告；--force 替换已有的 FILE
  user add LOGIN --role clerk|supervisor|trainer|admin [--name NAME]
                                  创建用户（密码：标准输入的第一行）
  user list                       列出用户，以制表符分隔
  user disable LOGIN              停用用户，使其无法登录
  demo --cases N [--days D] [--end DATE] [--seed S] [--append]
                                  用逼真的合成案件填充数据库</translation>
    </message>
    <message>
        <source>Use: retention purge --years N [--as-of DATE] [--dry-run].</source>
        <translation>用法：retention purge --years N [--as-of DATE] [--dry-run]。</translation>
    </message>
    <message>
        <source>--years takes the retention period in whole years, 1 to 50.</source>
        <translation>--years 为保存期限的整年数，1 至 50。</translation>
    </message>
    <message>
        <source>--as-of takes a date, YYYY-MM-DD.</source>
        <translation>--as-of 需要日期，格式为 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>retention: %1 citizens purged</source>
        <translation>保存期清理：已清除 %1 位市民</translation>
    </message>
    <message>
        <source>Would purge %1 citizens (cases %2) whose cases all closed before %3; %4 were purged before.</source>
        <translation>将清除 %1 位市民（案件 %2 件）的个人信息，其案件均在 %3 之前办结；此前已清除 %4 位。</translation>
    </message>
    <message>
        <source>Purged %1 citizens whose cases all closed before %2: %3 cases, %4 texts masked; %5 were purged before.</source>
        <translation>已清除 %1 位市民的个人信息，其案件均在 %2 之前办结：涉及案件 %3 件，脱敏文字 %4 处；此前已清除 %5 位。</translation>
    </message>
</context>
<context>
    <name>CliArguments</name>
    <message>
        <source>The option --%1 needs a value.</source>
        <translation>选项 --%1 需要一个值。</translation>
    </message>
</context>
<context>
    <name>CrisisListWidget</name>
    <message>
        <source>Show &amp;closed crises too</source>
        <translation>同时显示已结束的危机(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open crisis</source>
        <translation>打开危机处置(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Crisis</source>
        <translation>危机</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Golden hours left</source>
        <translation>黄金时间剩余</translation>
    </message>
    <message>
        <source>First statement</source>
        <translation>首次回应</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束时间</translation>
    </message>
</context>
<context>
    <name>CrisisReviewDialog</name>
    <message>
        <source>Post-crisis review: %1</source>
        <translation>危机复盘：%1</translation>
    </message>
    <message>
        <source>What &amp;happened:</source>
        <translation>经过(&amp;H)：</translation>
    </message>
    <message>
        <source>What &amp;worked:</source>
        <translation>有效做法(&amp;W)：</translation>
    </message>
    <message>
        <source>What did &amp;not work:</source>
        <translation>不足之处(&amp;N)：</translation>
    </message>
    <message>
        <source>Lessons (tick one to make it an improvement action of the department chosen):</source>
        <translation>经验教训（勾选后将成为所选部门的整改措施）：</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>经验教训</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Owner department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>&amp;Add lesson</source>
        <translation>添加经验教训(&amp;A)</translation>
    </message>
</context>
<context>
    <name>CrisisService</name>
    <message>
        <source>The crisis &quot;%1&quot; was closed on %2.</source>
        <translation>危机“%1”已于 %2 结束。</translation>
    </message>
    <message>
        <source>Choose at least one case for crisis mode.</source>
        <translation>请至少选择一件案件进行危机处置。</translation>
    </message>
    <message>
        <source>A crisis covers at most %1 cases.</source>
        <translation>一次危机处置最多包含 %1 件案件。</translation>
    </message>
    <message>
        <source>Case %1 does not exist.</source>
        <translation>案件 %1 不存在。</translation>
    </message>
    <message>
        <source>Case %1 is already in the open crisis &quot;%2&quot;; open that one instead.</source>
        <translation>案件 %1 已在进行中的危机“%2”中，请打开该危机处置。</translation>
    </message>
    <message>
        <source>The title is longer than %1 characters.</source>
        <translation>标题超过 %1 个字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was already done on %2 by %3.</source>
        <translation>“%1”已由 %3 于 %2 完成。</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>备注超过 %1 个字符。</translation>
    </message>
    <message>
        <source>Write the spokesperson&apos;s name in the note.</source>
        <translation>请在备注中填写新闻发言人姓名。</translation>
    </message>
    <message>
        <source>The spokesperson&apos;s name is longer than %1 characters.</source>
        <translation>新闻发言人姓名超过 %1 个字符。</translation>
    </message>
    <message>
        <source>The statement is longer than %1 characters.</source>
        <translation>回应内容超过 %1 个字符。</translation>
    </message>
    <message>
        <source>Close the crisis before its review.</source>
        <translation>请先结束危机处置，再进行复盘。</translation>
    </message>
    <message>
        <source>The crisis &quot;%1&quot; was reviewed already on %2.</source>
        <translation>危机“%1”已于 %2 复盘。</translation>
    </message>
    <message>
        <source>Write what happened.</source>
        <translation>请填写经过。</translation>
    </message>
    <message>
        <source>A field of the review is longer than %1 characters.</source>
        <translation>复盘中有一项超过 %1 个字符。</translation>
    </message>
    <message>
        <source>A review keeps at most %1 lessons.</source>
        <translation>一次复盘最多记录 %1 条经验教训。</translation>
    </message>
    <message>
        <source>A lesson is longer than %1 characters.</source>
        <translation>经验教训超过 %1 个字符。</translation>
    </message>
    <message>
        <source>Choose the department that owns the action for the lesson &quot;%1&quot;.</source>
        <translation>请为经验教训“%1”选择整改责任部门。</translation>
    </message>
</context>
<context>
    <name>CrisisStep</name>
    <message>
        <source>Assess the impact</source>
        <translation>评估影响</translation>
    </message>
    <message>
        <source>Name the spokesperson</source>
        <translation>确定新闻发言人</translation>
    </message>
    <message>
        <source>Agree one statement</source>
        <translation>统一回应口径</translation>
    </message>
    <message>
        <source>Involve legal and compliance</source>
        <translation>法务与合规介入</translation>
    </message>
    <message>
        <source>Inform the leadership</source>
        <translation>报告领导</translation>
    </message>
</context>
<context>
    <name>CrisisWidget</name>
    <message>
        <source>Crisis mode: %1</source>
        <translation>危机处置：%1</translation>
    </message>
    <message>
        <source>Crisis mode</source>
        <translation>危机处置</translation>
    </message>
    <message>
        <source>Cases in this crisis:</source>
        <translation>本次危机涉及的案件：</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Checklist (tick a step to record it with its note):</source>
        <translation>处置清单（勾选步骤即连同备注一并记录）：</translation>
    </message>
    <message>
        <source>The spokesperson&apos;s name</source>
        <translation>新闻发言人姓名</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <source>Public statement:</source>
        <translation>公开回应：</translation>
    </message>
    <message>
        <source>&amp;Use template</source>
        <translation>使用模板(&amp;U)</translation>
    </message>
    <message>
        <source>Write the statement, or start from a template. It shows empathy, names no person, and moves the conversation to a private channel.</source>
        <translation>撰写回应，或从模板开始。回应应体现共情，不点名任何人，并将沟通引导至私下渠道。</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <source>Published statements:</source>
        <translation>已发布的回应：</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>回应内容</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close crisis…</source>
        <translation>结束危机处置(&amp;C)…</translation>
    </message>
    <message>
        <source>Re&amp;view (复盘)…</source>
        <translation>复盘(&amp;V)…</translation>
    </message>
    <message>
        <source>Loading the crisis…</source>
        <translation>正在加载危机处置…</translation>
    </message>
    <message>
        <source>%1 (closed %2 by %3)</source>
        <translation>%1（%3 于 %2 结束）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Statement published at %1, %2 before the end of the golden hours.</source>
        <translation>回应已于 %1 发布，距黄金时间结束还有 %2。</translation>
    </message>
    <message>
        <source>Statement published at %1, %2 after the end of the golden hours.</source>
        <translation>回应于 %1 发布，已超出黄金时间 %2。</translation>
    </message>
    <message>
        <source>Closed without a public statement.</source>
        <translation>已结束，未发布公开回应。</translation>
    </message>
    <message numerus="yes">
        <source>Overdue: no public statement yet; the golden %n hour(s) ended at %1.</source>
        <translation>
            <numerusform>已超时：尚未发布公开回应；%n 小时黄金时间已于 %1 结束。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Time left for the first public statement: golden %n hour(s), until %1.</source>
        <translation>
            <numerusform>距首次公开回应的剩余时间：黄金 %n 小时，截至 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Spokesperson: %1</source>
        <translation>新闻发言人：%1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Cannot be published: %1</source>
        <translation>无法发布：%1</translation>
    </message>
    <message>
        <source>Hint (%1): %2</source>
        <translation>提示（%1）：%2</translation>
    </message>
    <message>
        <source>No personal data found; the reply checker has no objection.</source>
        <translation>未发现个人信息；答复检查无异议。</translation>
    </message>
    <message>
        <source>Close crisis</source>
        <translation>结束危机处置</translation>
    </message>
    <message>
        <source>Close the crisis &quot;%1&quot;? Its checklist and statements stay on record; its cases may then be in a new crisis.</source>
        <translation>结束危机处置“%1”？其处置清单和回应将保留在记录中；其案件之后可纳入新的危机处置。</translation>
    </message>
</context>
<context>
    <name>CsvParser</name>
    <message>
        <source>The quote that opens a field on line %1 is never closed.</source>
        <translation>第 %1 行有字段的左引号没有对应的右引号。</translation>
    </message>
    <message>
        <source>Text follows the closing quote of a field on line %1 (a stray quote).</source>
        <translation>第 %1 行有字段的右引号后还有文字（多余的引号）。</translation>
    </message>
    <message>
        <source>A field is longer than %1 characters.</source>
        <translation>有字段超过 %1 个字符。</translation>
    </message>
    <message>
        <source>The record has more than %1 columns.</source>
        <translation>该记录超过 %1 列。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>First response (median, min)</source>
        <translation>首次响应（中位数，分钟）</translation>
    </message>
    <message>
        <source>Resolution (median, h)</source>
        <translation>办结时长（中位数，小时）</translation>
    </message>
    <message>
        <source>Answered within 48 h</source>
        <translation>48 小时内答复率</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值（NPS）</translation>
    </message>
    <message>
        <source>Negative recurrence</source>
        <translation>负面情绪复发率</translation>
    </message>
    <message>
        <source>Queue waiting (median, min)</source>
        <translation>排队等候（中位数，分钟）</translation>
    </message>
    <message>
        <source>Transfers per case</source>
        <translation>每案转办次数</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>%1 %2</source>
        <comment>value unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>what, bucket</comment>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Week (first day)</source>
        <translation>周（首日）</translation>
    </message>
    <message>
        <source>Cases received</source>
        <translation>受理案件数</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均值</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>排队记录</translation>
    </message>
    <message>
        <source>Waited (said)</source>
        <translation>自述等候</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>source: statistic</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>%1 — %2
mean %3 · median %4 · p90 %5 (n = %6)</source>
        <translation>%1 — %2
平均值 %3 · 中位数 %4 · p90 %5（n = %6）</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>CSAT %1 · NPS %2 (n = %3)</source>
        <translation>满意率 %1 · 净推荐值 %2（n = %3）</translation>
    </message>
    <message>
        <source>%1 — %2: %3 of %4 ratings
%5</source>
        <translation>%1 — %2：%3 条（共 %4 条评价）
%5</translation>
    </message>
    <message>
        <source>Rated “%1”</source>
        <translation>评价为“%1”</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评价数</translation>
    </message>
    <message>
        <source>CSAT (%)</source>
        <translation>满意率（%）</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值（NPS）</translation>
    </message>
    <message>
        <source>First response, median (min)</source>
        <translation>首次响应（中位数，分钟）</translation>
    </message>
    <message>
        <source>Resolution, median (h)</source>
        <translation>办结时长（中位数，小时）</translation>
    </message>
    <message>
        <source>Answered within 48 h (%)</source>
        <translation>48 小时内答复率（%）</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Within 48 h (%)</source>
        <translation>48 小时内答复率（%）</translation>
    </message>
    <message>
        <source>%1
First response median %2 (n = %3)
Resolution median %4 (n = %5)
Answered within 48 h %6 (n = %7)</source>
        <translation>%1
首次响应中位数 %2（n = %3）
办结时长中位数 %4（n = %5）
48 小时内答复率 %6（n = %7）</translation>
    </message>
    <message>
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>%1 — %2: %3 of %4 cases</source>
        <translation>%1 — %2：%3 件（共 %4 件案件）</translation>
    </message>
    <message>
        <source>Channel “%1”</source>
        <translation>渠道“%1”</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Vital few (first %1 %)</source>
        <translation>关键少数（前 %1 %）</translation>
    </message>
    <message>
        <source>Other categories</source>
        <translation>其他类别</translation>
    </message>
    <message>
        <source>%1: %2 cases (%3 %), cumulative %4 %</source>
        <translation>%1：%2 件（%3 %），累计 %4 %</translation>
    </message>
    <message>
        <source>Category “%1”, %2</source>
        <translation>类别“%1”，%2</translation>
    </message>
    <message>
        <source>Cumulative share (%)</source>
        <translation>累计占比（%）</translation>
    </message>
    <message>
        <source>%1 % mark</source>
        <translation>%1 % 标线</translation>
    </message>
    <message>
        <source>Waiting time</source>
        <translation>等候时长</translation>
    </message>
    <message>
        <source>Satisfaction (好差评)</source>
        <translation>满意度（好差评）</translation>
    </message>
    <message>
        <source>Response and resolution</source>
        <translation>响应与办结</translation>
    </message>
    <message>
        <source>Cases by channel</source>
        <translation>各渠道案件数</translation>
    </message>
    <message>
        <source>Categories (Pareto)</source>
        <translation>类别帕累托图</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>from – to</comment>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <source>The chart could not be saved as %1.</source>
        <translation>无法将图表保存为 %1。</translation>
    </message>
    <message>
        <source>A chart of the Qingting dashboard</source>
        <translation>倾听台统计看板图表</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <source>Systemic alerts</source>
        <translation>系统性问题提醒</translation>
    </message>
</context>
<context>
    <name>DashboardService</name>
    <message>
        <source>Choose a start date on or before the end date.</source>
        <translation>开始日期不能晚于结束日期。</translation>
    </message>
    <message numerus="yes">
        <source>The dashboard shows at most %n days at a time.</source>
        <translation>
            <numerusform>统计看板一次最多显示 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>This database cannot show the dashboard.</source>
        <translation>此数据库无法显示统计看板。</translation>
    </message>
    <message>
        <source>A systemic alert needs at least 2 cases within 1 to 366 days.</source>
        <translation>系统性问题提醒至少需要 2 件案件，时间窗为 1 至 366 天。</translation>
    </message>
    <message>
        <source>(none recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source>A rating is 1 to 5.</source>
        <translation>评价等级为 1 至 5。</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>%1 “%2”, %3</source>
        <translation>%1“%2”，%3</translation>
    </message>
    <message>
        <source>%1 / %2, %3</source>
        <translation>%1 / %2，%3</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save the chart “%1” as PNG or SVG</source>
        <translation>将图表“%1”保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>保存为 SVG…</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>按%1</translation>
    </message>
    <message>
        <source>Systemic alerts</source>
        <translation>系统性问题提醒</translation>
    </message>
    <message>
        <source>Same category and service item at least</source>
        <translation>同一类别和事项的案件至少</translation>
    </message>
    <message>
        <source> times</source>
        <translation> 件</translation>
    </message>
    <message>
        <source>in</source>
        <translation>发生在</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天内</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间段</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Show &amp;cases</source>
        <translation>查看案件(&amp;C)</translation>
    </message>
    <message>
        <source>Open an &amp;improvement action…</source>
        <translation>新建整改事项(&amp;I)…</translation>
    </message>
    <message>
        <source>Overdue improvement actions</source>
        <translation>已超期的整改事项</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>%1 · compared with %2 · as of %3</source>
        <translation>%1 · 对比 %2 · 截至 %3</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>value unit</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>no comparison</source>
        <translation>无可对比数据</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <comment>percentage points</comment>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>arrow change</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <comment>arrow change (relative change)</comment>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <source>Previous period (%1): %2</source>
        <translation>上一时段（%1）：%2</translation>
    </message>
    <message>
        <source>No systemic problem in this period.</source>
        <translation>本时段未发现系统性问题。</translation>
    </message>
    <message>
        <source>No improvement action is overdue.</source>
        <translation>没有已超期的整改事项。</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Complaint desk dashboard</source>
        <translation>投诉窗口统计看板</translation>
    </message>
    <message>
        <source>%1 / %2: %3 cases, %4</source>
        <translation>%1 / %2：%3 件案件，%4</translation>
    </message>
    <message>
        <source>The dashboard went to the printer.</source>
        <translation>统计看板已发送到打印机。</translation>
    </message>
    <message>
        <source>&amp;Review report…</source>
        <translation>复盘报告(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Qingting cannot open %1: %2 The file was left unchanged.</source>
        <translation>倾听台无法打开 %1：%2 文件未作任何改动。</translation>
    </message>
    <message>
        <source>Qingting cannot use %1: %2 The database was left unchanged.</source>
        <translation>倾听台无法使用 %1：%2 数据库未作任何改动。</translation>
    </message>
    <message>
        <source>Qingting cannot read %1: %2</source>
        <translation>倾听台无法读取 %1：%2</translation>
    </message>
    <message>
        <source>it is not a database file (nor a damaged Qingting database).</source>
        <translation>该文件不是数据库文件（也不是已损坏的倾听台数据库）。</translation>
    </message>
    <message>
        <source>the database is damaged (%1).</source>
        <translation>数据库已损坏（%1）。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>在 %1 未找到数据库。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Qingting cannot open %1: %2</source>
        <translation>倾听台无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Qingting cannot set up %1: %2</source>
        <translation>倾听台无法初始化 %1：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL address; expected postgresql://user:password@host:port/dbname.</source>
        <translation>“%1”不是有效的 PostgreSQL 地址，正确格式为 postgresql://user:password@host:port/dbname。</translation>
    </message>
    <message>
        <source>Qingting cannot connect to %1: %2</source>
        <translation>倾听台无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>Updating the database schema failed: %1</source>
        <translation>数据库结构更新失败：%1</translation>
    </message>
    <message>
        <source>Row %1 of table %2 points to a missing row of %3.</source>
        <translation>表 %2 的第 %1 行引用了表 %3 中不存在的行。</translation>
    </message>
    <message>
        <source>The table %1 is missing.</source>
        <translation>缺少数据表 %1。</translation>
    </message>
    <message>
        <source>%1 holds no Qingting database yet; run `qingting-cli init` first.</source>
        <translation>%1 中还没有倾听台数据库，请先运行 `qingting-cli init`。</translation>
    </message>
    <message>
        <source>A PostgreSQL database is backed up on the server, with pg_dump; this command copies SQLite files.</source>
        <translation>PostgreSQL 数据库请在服务器上使用 pg_dump 备份；此命令用于复制 SQLite 文件。</translation>
    </message>
    <message>
        <source>%1 exists already; choose a new file name.</source>
        <translation>%1 已存在，请换一个文件名。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>The copy could not be moved to %1.</source>
        <translation>无法将副本移动到 %1。</translation>
    </message>
    <message>
        <source>Building the search index of %1 failed: %2</source>
        <translation>为 %1 建立搜索索引失败：%2</translation>
    </message>
    <message>
        <source>The audit key file %1 holds key %2, but the audit log of %3 is sealed with key %4: entries this desk wrote could not be verified. Copy the hall&apos;s audit key file to this desk.</source>
        <translation>审计密钥文件 %1 中的密钥为 %2，但 %3 的审计日志使用密钥 %4 封签：本机写入的记录将无法通过校验。请将本大厅的审计密钥文件复制到本机。</translation>
    </message>
    <message>
        <source>The audit log of %1 is sealed with the hall&apos;s audit key %2, and this desk cannot use it: %3 Copy the hall&apos;s audit key file to %4 (mode 0600).</source>
        <translation>%1 的审计日志使用本大厅的审计密钥 %2 封签，但本机无法使用该密钥：%3 请将本大厅的审计密钥文件复制到 %4（权限 0600）。</translation>
    </message>
    <message>
        <source>This desk connects to PostgreSQL as %1, which owns the audit log&apos;s tables or is a superuser: whoever has this desk&apos;s connection settings can drop the audit triggers and rewrite the log. Connect desks as a role that may only read and write rows, and run upgrades as the owner (README).</source>
        <translation>本机以 %1 身份连接 PostgreSQL，该角色拥有审计日志的数据表或是超级用户：任何获得本机连接设置的人都可以删除审计触发器并改写日志。请让各窗口以仅能读写数据行的角色连接，并以所有者身份执行升级（参见 README）。</translation>
    </message>
    <message>
        <source>Building the daily figures of %1 failed: %2</source>
        <translation>为 %1 生成每日统计数据失败：%2</translation>
    </message>
    <message>
        <source>Building the indexes of %1 failed: %2</source>
        <translation>为 %1 重建索引失败：%2</translation>
    </message>
</context>
<context>
    <name>DatabaseBackup</name>
    <message>
        <source>The audit chain is broken at entry %1: %2</source>
        <translation>审计链在第 %1 条记录处断裂：%2</translation>
    </message>
    <message>
        <source>The audit log could not be checked with this desk&apos;s audit key: %1</source>
        <translation>无法用本机的审计密钥校验审计日志：%1</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>The backup %1 does not exist or is not a file.</source>
        <translation>备份 %1 不存在或不是文件。</translation>
    </message>
    <message>
        <source>%1 is the database itself, not a backup of it.</source>
        <translation>%1 是数据库本身，不是它的备份。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is in use (or was not closed cleanly): close Qingting on this desk, or run `qingting-cli verify` on it once, and restore again. Nothing was changed.</source>
        <translation>%1 正在使用中（或上次未正常关闭）：请关闭本机的倾听台，或对其运行一次 `qingting-cli verify`，然后重新恢复。未作任何改动。</translation>
    </message>
    <message>
        <source>The backup could not be copied to %1 (is there room on the disk?). Nothing was changed.</source>
        <translation>无法将备份复制到 %1（磁盘空间是否不足？）。未作任何改动。</translation>
    </message>
    <message>
        <source>%1 cannot be restored, and nothing was changed: %2</source>
        <translation>无法恢复 %1，未作任何改动：%2</translation>
    </message>
    <message>
        <source>%1 could not be moved aside to %2. Nothing was changed.</source>
        <translation>无法将 %1 移至 %2 保存。未作任何改动。</translation>
    </message>
    <message>
        <source>The restored copy could not be put in place; the database is as it was.</source>
        <translation>无法将恢复的副本放到位；数据库保持原样。</translation>
    </message>
    <message>
        <source>The restored copy could not be put in place, and the database could not be moved back: it is at %1.</source>
        <translation>无法将恢复的副本放到位，原数据库也无法移回：它位于 %1。</translation>
    </message>
    <message>
        <source>The restored database did not verify where it was put (%1); the database that was there is back in place.</source>
        <translation>恢复后的数据库在原位置未通过校验（%1）；原数据库已放回原位。</translation>
    </message>
    <message>
        <source>The restored database did not verify where it was put (%1), and the database that was there could not be moved back: it is at %2.</source>
        <translation>恢复后的数据库在原位置未通过校验（%1），原数据库也无法移回：它位于 %2。</translation>
    </message>
</context>
<context>
    <name>DeadlineBadge</name>
    <message>
        <source>%1 · reminded %2×</source>
        <translation>%1 · 已催办 %2 次</translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation>已超期 %1</translation>
    </message>
    <message>
        <source>Due in %1</source>
        <translation>%1 后到期</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>urgent reminder</source>
        <translation>紧急催办</translation>
    </message>
    <message>
        <source>supervised by the hall&apos;s leadership</source>
        <translation>大厅领导督办</translation>
    </message>
    <message>
        <source>Reminded %1× (%2), last %3</source>
        <translation>已催办 %1 次（%2），最近一次 %3</translation>
    </message>
</context>
<context>
    <name>DemoGenerator</name>
    <message>
        <source>The holiday calendar has no entries for %1: Monday to Friday are taken as working days there.</source>
        <translation>节假日日历中没有 %1 年的安排：该年将按星期一至星期五为工作日处理。</translation>
    </message>
</context>
<context>
    <name>DemoService</name>
    <message>
        <source>The number of cases must be between 1 and %1.</source>
        <translation>案件数量须在 1 至 %1 之间。</translation>
    </message>
    <message>
        <source>The number of days must be between 1 and %1.</source>
        <translation>天数须在 1 至 %1 之间。</translation>
    </message>
    <message>
        <source>The end date %1 lies in the future.</source>
        <translation>结束日期 %1 是将来的日期。</translation>
    </message>
    <message>
        <source>The database already holds %1 cases; demo data is added to them only when appending (--append). Nothing was written.</source>
        <translation>数据库中已有 %1 个案件；只有在追加模式（--append）下才会在其基础上添加演示数据。未写入任何数据。</translation>
    </message>
</context>
<context>
    <name>DrillCodes</name>
    <message>
        <source>Listen</source>
        <translation>倾听</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>确认事实</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>确认影响</translation>
    </message>
    <message>
        <source>Steps and time</source>
        <translation>说明步骤</translation>
    </message>
    <message>
        <source>Acknowledged the emotion</source>
        <translation>共情安抚</translation>
    </message>
    <message>
        <source>Restated the facts</source>
        <translation>复述事实</translation>
    </message>
    <message>
        <source>Confirmed the impact</source>
        <translation>确认影响</translation>
    </message>
    <message>
        <source>Concrete steps and a time</source>
        <translation>具体步骤与时限</translation>
    </message>
    <message>
        <source>No defensive or over-promising wording</source>
        <translation>措辞（无推诿辩解、无过度承诺）</translation>
    </message>
    <message>
        <source>A sensible length</source>
        <translation>篇幅适中</translation>
    </message>
</context>
<context>
    <name>DrillResultsWidget</name>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Training case</source>
        <translation>培训案例</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>失分次数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>演练成绩</translation>
    </message>
    <message>
        <source>Criteria most often missed across the team</source>
        <translation>全体学员最常失分项</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>%1% (%2/%3)</source>
        <translation>%1%（%2/%3）</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 次（共 %2 次）</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Each trainee&apos;s score over time (%)</source>
        <translation>各学员历次演练得分（%）</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>开始(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;to:</source>
        <translation>至(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;rainee:</source>
        <translation>学员(&amp;R)：</translation>
    </message>
    <message>
        <source>All trainees</source>
        <translation>全部学员</translation>
    </message>
    <message>
        <source>The “from” date must not be after the “to” date.</source>
        <translation>开始日期不能晚于结束日期。</translation>
    </message>
    <message>
        <source>Results: no drill was finished in this period.</source>
        <translation>成绩：本时段内没有完成的演练。</translation>
    </message>
    <message>
        <source>Results: %1 finished no drill in this period.</source>
        <translation>成绩：%1 在本时段内没有完成演练。</translation>
    </message>
    <message numerus="yes">
        <source>Results: %n drill(s)</source>
        <translation>
            <numerusform>成绩：%n 次演练</numerusform>
        </translation>
    </message>
    <message>
        <source>Criteria %1 missed most often</source>
        <translation>%1 最常失分的评分项</translation>
    </message>
    <message>
        <source>No drill in this period to chart</source>
        <translation>本时段内没有可绘制的演练</translation>
    </message>
</context>
<context>
    <name>DrillRunnerWidget</name>
    <message>
        <source>Your answer to the citizen… (Enter to answer, Shift+Enter for a new line)</source>
        <translation>您对市民的回答…（按 Enter 提交，Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>回答(&amp;A)</translation>
    </message>
    <message>
        <source>Answer and go on (Ctrl+Enter)</source>
        <translation>提交回答并继续（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>Drill: %1</source>
        <translation>模拟演练：%1</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>市民</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Stage %1 of %2: %3</source>
        <translation>第 %1 环节（共 %2 个）：%3</translation>
    </message>
    <message>
        <source>Emotion: %1</source>
        <translation>情绪：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left</source>
        <translation>
            <numerusform>剩余 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>（未作答）</translation>
    </message>
    <message>
        <source>Scoring…</source>
        <translation>正在评分…</translation>
    </message>
    <message>
        <source>Total: %1 of %2 points (%3%)</source>
        <translation>总分：%1 分（满分 %2 分，%3%）</translation>
    </message>
    <message>
        <source>%1 of %2 points</source>
        <translation>%1 分（满分 %2 分）</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>您的回答</translation>
    </message>
    <message>
        <source>Model answer</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>&amp;Submit again</source>
        <translation>重新提交(&amp;S)</translation>
    </message>
    <message>
        <source>Store this drill with the answers you gave</source>
        <translation>以您已作的回答保存本次演练</translation>
    </message>
    <message>
        <source>Your drill could not be stored: %1
Your answers are kept: press “Submit again” to store them.</source>
        <translation>演练未能保存：%1
您的回答已保留：请按“重新提交”保存。</translation>
    </message>
    <message>
        <source>Your drill could not be stored: %1</source>
        <translation>演练未能保存：%1</translation>
    </message>
</context>
<context>
    <name>DrillScorer</name>
    <message>
        <source>No answer was given.</source>
        <translation>未作答。</translation>
    </message>
    <message>
        <source>No acknowledgement of the citizen&apos;s feelings: %1</source>
        <translation>未回应市民的感受：%1</translation>
    </message>
    <message>
        <source>Acknowledged the citizen (thanks, apology or understanding).</source>
        <translation>回应了市民（致谢、致歉或表示理解）。</translation>
    </message>
    <message>
        <source>Named the upset citizen&apos;s feeling.</source>
        <translation>点明了市民的情绪感受。</translation>
    </message>
    <message>
        <source>The citizen is upset: name the feeling (e.g. 我理解您很着急).</source>
        <translation>市民情绪激动，请点明其感受（如“我理解您很着急”）。</translation>
    </message>
    <message>
        <source>Checked back with the citizen (您是说, 我跟您确认一下 ...).</source>
        <translation>向市民复述核对了（如“您是说……”“我跟您确认一下……”）。</translation>
    </message>
    <message>
        <source>Say that you are restating, e.g. 我跟您确认一下 or 您是说, so the citizen can correct you.</source>
        <translation>复述时请告诉市民您在核对，如“我跟您确认一下……”或“您是说……”，方便市民及时更正。</translation>
    </message>
    <message>
        <source>The case has no facts text to compare with.</source>
        <translation>该案例没有可供比对的事实内容。</translation>
    </message>
    <message>
        <source>Recalled %1% of what the citizen said.</source>
        <translation>复述出市民所述内容的 %1%。</translation>
    </message>
    <message>
        <source>Recalled only %1% of what the citizen said: repeat the key facts (what, when, where, who) in the citizen&apos;s own terms.</source>
        <translation>只复述出市民所述内容的 %1%：请用市民自己的说法复述关键事实（什么事、何时、何地、涉及谁）。</translation>
    </message>
    <message>
        <source>Named the impact or the demand (影响, 耽误, 您的诉求是 ...).</source>
        <translation>说出了影响或诉求（如“影响”“耽误”“您的诉求是……”）。</translation>
    </message>
    <message>
        <source>Name the impact and the demand, e.g. 这件事耽误了您…… or 您的诉求是…….</source>
        <translation>请说出影响和诉求，如“这件事耽误了您……”或“您的诉求是……”。</translation>
    </message>
    <message>
        <source>The case has no impact text to compare with.</source>
        <translation>该案例没有可供比对的影响内容。</translation>
    </message>
    <message>
        <source>Confirmed %1% of the impact the citizen described.</source>
        <translation>确认了市民所述影响的 %1%。</translation>
    </message>
    <message>
        <source>Confirmed only %1% of the impact the citizen described: say who is affected, how badly, and what the citizen asks for.</source>
        <translation>只确认了市民所述影响的 %1%：请说明影响了谁、程度如何，以及市民有何诉求。</translation>
    </message>
    <message>
        <source>No concrete next step: %1</source>
        <translation>没有具体的下一步措施：%1</translation>
    </message>
    <message>
        <source>Gave a concrete next step.</source>
        <translation>给出了具体的下一步措施。</translation>
    </message>
    <message>
        <source>Named who is responsible.</source>
        <translation>说明了由谁负责。</translation>
    </message>
    <message>
        <source>Name the responsible unit or person (由……负责, the department, the window).</source>
        <translation>请说明负责的单位或人员（如“由……负责”、责任部门、窗口）。</translation>
    </message>
    <message>
        <source>No concrete time: %1</source>
        <translation>没有具体时间：%1</translation>
    </message>
    <message>
        <source>Gave a concrete time.</source>
        <translation>给出了具体时间。</translation>
    </message>
    <message>
        <source>Defensive: “%1”. %2</source>
        <translation>推诿辩解：“%1”。%2</translation>
    </message>
    <message>
        <source>Over-promising: “%1”. %2</source>
        <translation>过度承诺：“%1”。%2</translation>
    </message>
    <message>
        <source>No defensive or over-promising wording.</source>
        <translation>措辞得当，无推诿辩解或过度承诺。</translation>
    </message>
    <message>
        <source>Too short: %1 characters; this stage needs %2 to %3.</source>
        <translation>篇幅过短：%1 个字符；本环节宜为 %2 至 %3 个字符。</translation>
    </message>
    <message>
        <source>Too long: %1 characters; keep it to %2 to %3 so the citizen can follow.</source>
        <translation>篇幅过长：%1 个字符；请控制在 %2 至 %3 个字符，便于市民听明白。</translation>
    </message>
    <message>
        <source>A sensible length: %1 characters (%2 to %3).</source>
        <translation>篇幅适中：%1 个字符（%2 至 %3 个字符）。</translation>
    </message>
</context>
<context>
    <name>DrillService</name>
    <message>
        <source>A drill is run by a logged-in user; the command line cannot run one.</source>
        <translation>模拟演练须由已登录的用户进行，命令行无法进行演练。</translation>
    </message>
    <message>
        <source>The drill&apos;s start time is missing or in the future.</source>
        <translation>演练开始时间缺失或晚于当前时间。</translation>
    </message>
    <message>
        <source>The timer must be between 0 (none) and %1 seconds.</source>
        <translation>计时须在 0（不计时）至 %1 秒之间。</translation>
    </message>
    <message>
        <source>The stage “%1” is answered twice.</source>
        <translation>环节“%1”重复作答。</translation>
    </message>
    <message>
        <source>The time taken for “%1” cannot be negative.</source>
        <translation>环节“%1”的用时不能为负数。</translation>
    </message>
    <message>
        <source>The answer to “%1” is longer than %2 characters.</source>
        <translation>环节“%1”的回答超过 %2 个字符，请精简。</translation>
    </message>
</context>
<context>
    <name>DrillsPageWidget</name>
    <message>
        <source>Training cases</source>
        <translation>培训案例</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>&amp;Timer per stage:</source>
        <translation>每环节计时(&amp;T)：</translation>
    </message>
    <message>
        <source>off</source>
        <translation>不计时</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Start drill</source>
        <translation>开始演练(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>My results</source>
        <translation>我的成绩</translation>
    </message>
    <message>
        <source>Training case</source>
        <translation>培训案例</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>%1% (%2/%3)</source>
        <translation>%1%（%2/%3）</translation>
    </message>
</context>
<context>
    <name>EffectCheck</name>
    <message>
        <source>Less than a week has passed since the action: too early to judge its effect.</source>
        <translation>整改至今不足一周，尚无法判断整改成效。</translation>
    </message>
    <message>
        <source>No cases of this category and service item before or since the action.</source>
        <translation>整改前后均无该类别、该事项的案件。</translation>
    </message>
    <message>
        <source>No cases of this category and service item in the weeks before the action.</source>
        <translation>整改前几周内无该类别、该事项的案件。</translation>
    </message>
    <message>
        <source>As many cases per week as before the action (%1).</source>
        <translation>每周案件数与整改前持平（%1）。</translation>
    </message>
    <message>
        <source>Fewer cases per week since the action (%1).</source>
        <translation>整改后每周案件数减少（%1）。</translation>
    </message>
    <message>
        <source>More cases per week since the action (%1).</source>
        <translation>整改后每周案件数增加（%1）。</translation>
    </message>
    <message>
        <source>Not enough ratings to compare satisfaction (CSAT).</source>
        <translation>评价数量不足，无法比较满意率。</translation>
    </message>
    <message>
        <source>Satisfaction (CSAT) is unchanged.</source>
        <translation>满意率没有变化。</translation>
    </message>
    <message>
        <source>Satisfaction (CSAT) rose by %1 percentage points.</source>
        <translation>满意率上升了 %1 个百分点。</translation>
    </message>
    <message>
        <source>Satisfaction (CSAT) fell by %1 percentage points.</source>
        <translation>满意率下降了 %1 个百分点。</translation>
    </message>
</context>
<context>
    <name>Emotion</name>
    <message>
        <source>Calm</source>
        <translation>平静</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满</translation>
    </message>
    <message>
        <source>Agitated</source>
        <translation>激动</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>愤怒</translation>
    </message>
</context>
<context>
    <name>ExtensionDecisionDialog</name>
    <message>
        <source>&amp;Note (required to refuse):</source>
        <translation>备注（驳回时必填）(&amp;N)：</translation>
    </message>
    <message>
        <source>Re&amp;fuse</source>
        <translation>驳回(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Decide the extension — %1</source>
        <translation>延期审批 — %1</translation>
    </message>
    <message>
        <source>%1 asks that the deadline of case %2 move from %3 to %4. Approve it, or refuse it and say why.</source>
        <translation>%1 申请将案件 %2 的办理时限由 %3 延至 %4。请批准，或驳回并说明理由。</translation>
    </message>
    <message>
        <source>Asked %1: %2</source>
        <translation>于 %1 申请，理由：%2</translation>
    </message>
</context>
<context>
    <name>ExtensionRequestDialog</name>
    <message>
        <source>Current deadline:</source>
        <translation>当前时限：</translation>
    </message>
    <message>
        <source>&amp;New deadline:</source>
        <translation>新时限(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>延期理由（必填）(&amp;R)：</translation>
    </message>
    <message>
        <source>Why the case needs more time</source>
        <translation>案件需要延期办理的原因</translation>
    </message>
    <message>
        <source>Request an extension — %1</source>
        <translation>申请延期 — %1</translation>
    </message>
    <message>
        <source>Ask for a later deadline for case %1, before the current one passes. A supervisor approves or refuses it; once approved, the case&apos;s deadline is the new date.</source>
        <translation>请在当前时限届满前为案件 %1 申请延期。由值班主任批准或驳回；批准后，案件的办理时限即为新日期。</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>提交申请(&amp;R)</translation>
    </message>
    <message>
        <source>Reading the case&apos;s deadline…</source>
        <translation>正在读取案件的办理时限…</translation>
    </message>
</context>
<context>
    <name>ExtensionService</name>
    <message>
        <source>Case %1 is no longer open: there is no deadline to extend.</source>
        <translation>案件 %1 已不在办理中，无时限可延期。</translation>
    </message>
    <message>
        <source>Case %1 has no deadline to extend.</source>
        <translation>案件 %1 没有可延期的时限。</translation>
    </message>
    <message>
        <source>The deadline of case %1 passed at %2: an extension must be asked for before it.</source>
        <translation>案件 %1 的办理时限已于 %2 届满；延期须在时限届满前申请。</translation>
    </message>
    <message>
        <source>An extension of case %1 already awaits a supervisor&apos;s decision.</source>
        <translation>案件 %1 已有一项延期申请正在等待值班主任审批。</translation>
    </message>
    <message>
        <source>Say why the case needs more time.</source>
        <translation>请说明案件需要延期办理的原因。</translation>
    </message>
    <message>
        <source>The reason is longer than %1 characters.</source>
        <translation>理由超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>The new date must be later than the current deadline, %1.</source>
        <translation>新日期必须晚于当前时限 %1。</translation>
    </message>
    <message>
        <source>The new date lies more than %1 days after the current deadline.</source>
        <translation>新日期不得比当前时限晚 %1 天以上。</translation>
    </message>
    <message>
        <source>No extension of case %1 awaits a decision.</source>
        <translation>案件 %1 没有待审批的延期申请。</translation>
    </message>
    <message>
        <source>You asked for this extension yourself: another supervisor decides it.</source>
        <translation>该延期由您本人申请，须由其他值班主任审批。</translation>
    </message>
    <message>
        <source>Say why the extension is refused.</source>
        <translation>请说明驳回延期的理由。</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>备注超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>Case %1 is no longer open: refuse the extension instead.</source>
        <translation>案件 %1 已不在办理中，请驳回该延期申请。</translation>
    </message>
</context>
<context>
    <name>ExtensionState</name>
    <message>
        <source>Awaiting decision</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已驳回</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Welcome to Qingting</source>
        <translation>欢迎使用倾听台</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the first administrator; the administrator then adds the accounts of clerks, supervisors and trainers.</source>
        <translation>该数据库尚无任何账户。请先创建第一个管理员，再由管理员为窗口工作人员、值班主任和培训师添加账户。</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>例如：admin</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>创建管理员(&amp;C)</translation>
    </message>
    <message>
        <source>Choose a login name for the administrator.</source>
        <translation>请为管理员设置登录名。</translation>
    </message>
</context>
<context>
    <name>FishboneWidget</name>
    <message>
        <source>The problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Add a cause</source>
        <translation>添加原因</translation>
    </message>
    <message>
        <source>Add a sub-cause</source>
        <translation>添加次级原因</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>A cause on %1</source>
        <translation>%1方面的原因</translation>
    </message>
    <message>
        <source>A sub-cause of &quot;%1&quot;</source>
        <translation>“%1”的次级原因</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>&amp;Method:</source>
        <translation>回访方式(&amp;M)：</translation>
    </message>
    <message>
        <source>The citizen was &amp;reached</source>
        <translation>已联系上市民(&amp;R)</translation>
    </message>
    <message>
        <source>Ra&amp;ting:</source>
        <translation>满意度评价(&amp;T)：</translation>
    </message>
    <message>
        <source>Recommendation (0–10):</source>
        <translation>推荐度（0–10）：</translation>
    </message>
    <message>
        <source>How likely the citizen would recommend the hall, from 0 to 10. Leave at &quot;Not asked&quot; if the question was not asked.</source>
        <translation>市民向他人推荐本大厅的可能性，从 0 到 10 分。如未询问此问题，请保持为“未询问”。</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>&amp;What the citizen said (optional):</source>
        <translation>市民反馈（选填）(&amp;W)：</translation>
    </message>
    <message>
        <source>Follow-up — %1</source>
        <translation>回访 — %1</translation>
    </message>
    <message>
        <source>Choose the rating</source>
        <translation>请选择满意度评价</translation>
    </message>
    <message>
        <source>5 — Very satisfied</source>
        <translation>5 — 非常满意</translation>
    </message>
    <message>
        <source>4 — Satisfied</source>
        <translation>4 — 满意</translation>
    </message>
    <message>
        <source>3 — Basically satisfied</source>
        <translation>3 — 基本满意</translation>
    </message>
    <message>
        <source>2 — Dissatisfied</source>
        <translation>2 — 不满意</translation>
    </message>
    <message>
        <source>1 — Very dissatisfied</source>
        <translation>1 — 非常不满意</translation>
    </message>
    <message numerus="yes">
        <source>Call back the citizen of case %1 and record what they say. %n earlier attempt(s) did not reach them.</source>
        <translation>
            <numerusform>请回访案件 %1 的市民并记录其反馈。此前已有 %n 次未联系上。</numerusform>
        </translation>
    </message>
    <message>
        <source>Call back the citizen of case %1 and record what they say.</source>
        <translation>请回访案件 %1 的市民并记录其反馈。</translation>
    </message>
    <message>
        <source>Record follow-up</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>A rating of 2 (dissatisfied) or 1 (very dissatisfied) reopens the case for rectification, with a second follow-up afterwards.</source>
        <translation>评价为 2 分（不满意）或 1 分（非常不满意）时，案件将重新办理进行差评整改，整改后再次回访。</translation>
    </message>
    <message>
        <source>The attempt is recorded; after several failed attempts the case is marked unreachable.</source>
        <translation>本次回访尝试将被记录；多次未联系上后，案件将被标记为无法联系。</translation>
    </message>
</context>
<context>
    <name>FollowUpMethod</name>
    <message>
        <source>Phone call</source>
        <translation>电话回访</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>短信回访</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>上门回访</translation>
    </message>
</context>
<context>
    <name>FollowUpService</name>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>备注超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>Record the citizen&apos;s rating, from 1 (very dissatisfied) to 5 (very satisfied).</source>
        <translation>请记录市民的满意度评价，从 1 分（非常不满意）到 5 分（非常满意）。</translation>
    </message>
    <message>
        <source>The recommendation score runs from 0 to 10.</source>
        <translation>推荐度须在 0 至 10 分之间。</translation>
    </message>
    <message>
        <source>A citizen who was not reached gave no rating.</source>
        <translation>未联系上市民时不能记录满意度评价。</translation>
    </message>
    <message>
        <source>Finish the rectification (verify, put right, tell the citizen) before the second follow-up.</source>
        <translation>请先完成差评整改（核实、整改、反馈市民），再进行二次回访。</translation>
    </message>
    <message>
        <source>Write what was done at this stage.</source>
        <translation>请填写本环节的处理情况。</translation>
    </message>
    <message>
        <source>The case has no rectification under way.</source>
        <translation>该案件没有进行中的差评整改。</translation>
    </message>
    <message>
        <source>The case is &quot;%1&quot;; the citizen can only be told of the rectification while it is being handled.</source>
        <translation>该案件当前为“%1”；只有在办理中才能向市民反馈整改情况。</translation>
    </message>
    <message>
        <source>The rectification waits for the second follow-up: record it as a follow-up.</source>
        <translation>差评整改正等待二次回访：请以回访方式记录。</translation>
    </message>
    <message>
        <source>Say why the rating is mistaken or malicious.</source>
        <translation>请说明该评价属于误评或恶意差评的理由。</translation>
    </message>
    <message>
        <source>The reason is longer than %1 characters.</source>
        <translation>理由超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>The case has no rating to appeal against.</source>
        <translation>该案件没有可申诉的评价。</translation>
    </message>
    <message>
        <source>The rating is already left out of the figures.</source>
        <translation>该评价已不计入统计。</translation>
    </message>
    <message>
        <source>An appeal against this rating awaits a second supervisor already.</source>
        <translation>针对该评价的申诉已在等待另一位值班主任复核。</translation>
    </message>
    <message>
        <source>Say why the appeal is refused.</source>
        <translation>请说明申诉不予通过的理由。</translation>
    </message>
    <message>
        <source>The appeal was decided already (%1).</source>
        <translation>该申诉已复核（%1）。</translation>
    </message>
    <message>
        <source>A second supervisor must decide: you asked for this appeal yourself.</source>
        <translation>该申诉由您本人提出，须由另一位值班主任复核。</translation>
    </message>
    <message>
        <source>The no-rating rule needs a level from 1 to 5 and at least one day.</source>
        <translation>未评价默认规则需要 1 至 5 分的默认分值，且天数至少为 1 天。</translation>
    </message>
    <message>
        <source>The period must run from a date to the same or a later date.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>FormHelpers</name>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
</context>
<context>
    <name>ImpactScope</name>
    <message>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群体</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>公众</translation>
    </message>
</context>
<context>
    <name>ImportDecoder</name>
    <message>
        <source>line %1: the file starts as UTF-8 (byte order mark) but holds bytes that are not UTF-8.</source>
        <translation>第 %1 行：文件以 UTF-8 字节顺序标记（BOM）开头，但含有不属于 UTF-8 编码的字节。</translation>
    </message>
    <message>
        <source>line 1: the file is UTF-16 (Unicode text); save it as CSV in UTF-8 or GB18030 (the &quot;CSV&quot; choices of Excel and WPS).</source>
        <translation>第 1 行：文件为 UTF-16 编码（Unicode 文本）；请另存为 UTF-8 或 GB18030 编码的 CSV 文件（即 Excel 和 WPS 中的“CSV”保存类型）。</translation>
    </message>
    <message>
        <source>line %1: the file is not UTF-8, and this build cannot read GB18030.</source>
        <translation>第 %1 行：文件不是 UTF-8 编码，而本版本程序无法读取 GB18030 编码。</translation>
    </message>
    <message>
        <source>line %1: the file is neither UTF-8 nor GB18030/GBK (bytes that neither encoding allows).</source>
        <translation>第 %1 行：文件既不是 UTF-8 编码，也不是 GB18030/GBK 编码（含有两种编码都不允许的字节）。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Encoding (detected):</source>
        <translation>编码（自动识别）：</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>记录数：</translation>
    </message>
    <message>
        <source>How the file&apos;s columns are read:</source>
        <translation>文件各列的对应关系：</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>The first records:</source>
        <translation>前几条记录：</translation>
    </message>
    <message>
        <source>&amp;Skip bad rows</source>
        <translation>跳过有误的行(&amp;S)</translation>
    </message>
    <message>
        <source>Records read:</source>
        <translation>已读取记录：</translation>
    </message>
    <message>
        <source>Imported:</source>
        <translation>已导入：</translation>
    </message>
    <message>
        <source>Already there (skipped):</source>
        <translation>已存在（已跳过）：</translation>
    </message>
    <message>
        <source>Rejected:</source>
        <translation>被拒绝：</translation>
    </message>
    <message>
        <source>Rejected records:</source>
        <translation>被拒绝的记录：</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录内容</translation>
    </message>
    <message>
        <source>Save &amp;rejects…</source>
        <translation>保存被拒绝的记录(&amp;R)…</translation>
    </message>
    <message>
        <source>Import the &amp;good rows</source>
        <translation>导入无误的行(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Citizen (phone or ID number)</source>
        <translation>市民标识（电话或身份证号）</translation>
    </message>
    <message>
        <source>Minutes waited</source>
        <translation>等候分钟</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>First response at</source>
        <translation>首次响应时间</translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Resolved at</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Rating (1–5)</source>
        <translation>满意度（1–5）</translation>
    </message>
    <message>
        <source>Recommendation (0–10)</source>
        <translation>推荐度（0–10）</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>转办次数</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>票号</translation>
    </message>
    <message>
        <source>Ticket taken at</source>
        <translation>取号时间</translation>
    </message>
    <message>
        <source>Called at</source>
        <translation>叫号时间</translation>
    </message>
    <message>
        <source>Finished at</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>field label (column name)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Import cases from a CSV file</source>
        <translation>从 CSV 文件导入案件</translation>
    </message>
    <message>
        <source>Import queue visits from a CSV file</source>
        <translation>从 CSV 文件导入排队记录</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 (not counting the header)</source>
        <translation>%1（不含表头）</translation>
    </message>
    <message>
        <source>not part of the format: ignored</source>
        <translation>不属于导入格式，将被忽略</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>（缺失）</translation>
    </message>
    <message>
        <source>This file cannot be imported: it has no column for %1. Add the column to the file&apos;s first row, by its English or Chinese name, and open the file again.</source>
        <translation>无法导入此文件：文件中没有 %1 对应的列。请在文件第一行按英文或中文列名添加该列，然后重新打开文件。</translation>
    </message>
    <message>
        <source>The file has a header but no records: there is nothing to import.</source>
        <translation>文件只有表头，没有记录：没有可导入的内容。</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was written.</source>
        <translation>导入已取消，未写入任何数据。</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was written: the database is as it was before.</source>
        <translation>导入已取消，未写入任何数据：数据库保持导入前的状态。</translation>
    </message>
    <message>
        <source>The import is done. Records written: %1.</source>
        <translation>导入完成。已写入记录：%1 条。</translation>
    </message>
    <message>
        <source>The import is done. Records written: %1; rejected records skipped: %2. Save them, correct them and import that file again.</source>
        <translation>导入完成。已写入记录：%1 条；已跳过被拒绝的记录：%2 条。请保存这些记录，改正后再导入该文件。</translation>
    </message>
    <message>
        <source>Nothing was written: records were rejected (%1), and without “Skip bad rows” a file is imported whole or not at all. Correct the rejected records in the file and import it again, or choose “Import the good rows” to write the others now.</source>
        <translation>未写入任何数据：有记录被拒绝（%1 条）。未勾选“跳过有误的行”时，文件要么全部导入，要么全部不导入。请在文件中改正被拒绝的记录后重新导入，或选择“导入无误的行”，立即写入其余记录。</translation>
    </message>
    <message>
        <source>Nothing was written: every record of this file is in the database already.</source>
        <translation>未写入任何数据：此文件中的所有记录均已在数据库中。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何数据。</translation>
    </message>
    <message>
        <source>Save the rejected records</source>
        <translation>保存被拒绝的记录</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The rejected records (%1) are saved to %2, each with its line number and reason.</source>
        <translation>被拒绝的记录（%1 条）已保存至 %2，每条均附有行号和原因。</translation>
    </message>
    <message>
        <source>Import cases — %1</source>
        <translation>导入案件 — %1</translation>
    </message>
    <message>
        <source>Import queue visits — %1</source>
        <translation>导入排队记录 — %1</translation>
    </message>
    <message>
        <source>Without it, one bad row stops the whole file and nothing is written; with it, the good rows are imported and the bad ones listed, to save, correct and import again.</source>
        <translation>不勾选时，只要有一行有误，整个文件都不导入，不写入任何数据；勾选后，导入无误的行，并列出有误的行，供保存、改正后再次导入。</translation>
    </message>
    <message>
        <source>Rejected records (the first %1 of %2; “Save rejects…” writes them all):</source>
        <translation>被拒绝的记录（共 %2 条，显示前 %1 条；“保存被拒绝的记录…”可保存全部）：</translation>
    </message>
</context>
<context>
    <name>ImportFormat</name>
    <message>
        <source>line 1: the columns &quot;%1&quot; and &quot;%2&quot; are both %3; keep one of them.</source>
        <translation>第 1 行：列“%1”和“%2”都对应 %3，请只保留其中一列。</translation>
    </message>
    <message>
        <source>line 1: the header lacks the required column(s) %1; nothing was imported.</source>
        <translation>第 1 行：表头缺少必填列 %1；未导入任何数据。</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 为必填项。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a date-time (YYYY-MM-DD HH:MM[:SS]).</source>
        <translation>%1“%2”不是有效的日期时间（YYYY-MM-DD HH:MM[:SS]）。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a whole number of %3 or more.</source>
        <translation>%1“%2”不是大于或等于 %3 的整数。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a whole number from %3 to %4.</source>
        <translation>%1“%2”不是 %3 至 %4 之间的整数。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is longer than %3 characters.</source>
        <translation>%1“%2”超过 %3 个字符。</translation>
    </message>
    <message>
        <source>%1 holds a NUL character (a broken or binary file).</source>
        <translation>%1 含有 NUL 字符（文件已损坏或为二进制文件）。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a channel (window 窗口, phone 电话, online 网上, hotline_12345 12345, social_media 社交媒体, letter 信件, staff_report 员工上报).</source>
        <translation>%1“%2”不是有效的渠道（window 窗口、phone 电话、online 网上、hotline_12345 12345、social_media 社交媒体、letter 信件、staff_report 员工上报）。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; lies before %3 &quot;%4&quot;.</source>
        <translation>%1“%2”早于 %3“%4”。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is given but %3 is empty: a visit is finished only after it was called.</source>
        <translation>%1“%2”已填写，但 %3 为空：须先叫号，才能办结。</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>Stopping the import… Nothing from this file will be written.</source>
        <translation>正在停止导入… 此文件的任何数据都不会写入。</translation>
    </message>
    <message>
        <source>Writing the records: %1 of %2.</source>
        <translation>正在写入记录：%1 / %2。</translation>
    </message>
    <message>
        <source>Reading and checking the records…</source>
        <translation>正在读取并校验记录…</translation>
    </message>
</context>
<context>
    <name>ImportService</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB; split it into smaller files.</source>
        <translation>%1 超过 %2 MB，请拆分为较小的文件。</translation>
    </message>
    <message>
        <source>line 1: the file is empty: it has no header and no rows.</source>
        <translation>第 1 行：文件为空，既没有表头，也没有数据行。</translation>
    </message>
    <message>
        <source>This database cannot import.</source>
        <translation>该数据库无法导入数据。</translation>
    </message>
    <message>
        <source>line %1: the header cannot be read: %2</source>
        <translation>第 %1 行：无法读取表头：%2</translation>
    </message>
    <message>
        <source>The case number &quot;%1&quot; appears already on line %2.</source>
        <translation>案件编号“%1”已在第 %2 行出现。</translation>
    </message>
    <message>
        <source>The ticket &quot;%1&quot; of %2 appears already on line %3.</source>
        <translation>%2 的票号“%1”已在第 %3 行出现。</translation>
    </message>
    <message>
        <source>The file has a header but no rows; nothing was imported.</source>
        <translation>文件只有表头，没有数据行；未导入任何数据。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>Improvement</name>
    <message>
        <source>Open</source>
        <translation>待整改</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>整改中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>手动录入</translation>
    </message>
    <message>
        <source>Systemic alert</source>
        <translation>系统性问题提醒</translation>
    </message>
    <message>
        <source>A case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Machines and systems</source>
        <translation>设备与系统</translation>
    </message>
    <message>
        <source>Materials and documents</source>
        <translation>材料与文书</translation>
    </message>
    <message>
        <source>Methods and process</source>
        <translation>方法与流程</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>测量与评价</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>a bone of the fishbone diagram: its name and its character of 人机料法环测</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2: %n repeated complaint(s)</source>
        <translation>
            <numerusform>%1 · %2：重复投诉 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImprovementDialog</name>
    <message>
        <source>New improvement action</source>
        <translation>新建整改事项</translation>
    </message>
    <message>
        <source>Improvement action</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>5 whys</source>
        <translation>五问法</translation>
    </message>
    <message>
        <source>Fishbone</source>
        <translation>鱼骨图</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>整改成效</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Owner department:</source>
        <translation>责任部门(&amp;O)：</translation>
    </message>
    <message>
        <source>Dead&amp;line:</source>
        <translation>整改时限(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>Service &amp;item:</source>
        <translation>事项(&amp;I)：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Linked cases</source>
        <translation>关联案件</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Case number, e.g. QT-20260302-0001</source>
        <translation>案件编号，例如 QT-20260302-0001</translation>
    </message>
    <message>
        <source>&amp;Link case</source>
        <translation>关联案件(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Unlink</source>
        <translation>取消关联(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>打开案件(&amp;O)</translation>
    </message>
    <message>
        <source>Ask &quot;why?&quot; until the answer is a cause you can act on, usually about five times.</source>
        <translation>连续追问“为什么”，直到找到可以着手整改的原因，通常约问五次。</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>为什么？</translation>
    </message>
    <message>
        <source>Because</source>
        <translation>因为</translation>
    </message>
    <message>
        <source>&amp;Add why</source>
        <translation>添加追问(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Root &amp;cause:</source>
        <translation>根本原因(&amp;C)：</translation>
    </message>
    <message>
        <source>Counter&amp;measure:</source>
        <translation>整改措施(&amp;M)：</translation>
    </message>
    <message>
        <source>The chain has more than %1 whys.</source>
        <translation>追问超过 %1 个。</translation>
    </message>
    <message>
        <source>&amp;Problem (the head):</source>
        <translation>问题（鱼头）(&amp;P)：</translation>
    </message>
    <message>
        <source>Click a bone to add a cause; double-click a cause to edit it; Delete removes the selected cause; right-click a cause to add a sub-cause.</source>
        <translation>单击鱼骨可添加原因；双击原因可编辑；按 Delete 键删除所选原因；右键单击原因可添加次级原因。</translation>
    </message>
    <message>
        <source>Export P&amp;NG…</source>
        <translation>导出 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Compare &amp;weeks before and since the action:</source>
        <translation>对比整改前后的周数(&amp;W)：</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>整改前</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>整改后</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Cases per week</source>
        <translation>每周案件数</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>The effect check compares the cases of the action&apos;s category and service item before and since it.</source>
        <translation>整改成效评估对比该整改事项所涉类别和事项在整改前后的案件情况。</translation>
    </message>
    <message>
        <source>Choose a department</source>
        <translation>请选择责任部门</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>未指定类别</translation>
    </message>
    <message>
        <source>No service item</source>
        <translation>未指定事项</translation>
    </message>
    <message>
        <source>Improvement action: %1</source>
        <translation>整改事项：%1</translation>
    </message>
    <message>
        <source>Case %1 is linked already.</source>
        <translation>案件 %1 已关联。</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <translation>%1（%2 至 %3）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n rating(s))</source>
        <translation>
            <numerusform>%1（%n 条评价）</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the fishbone as PDF</source>
        <translation>将鱼骨图导出为 PDF</translation>
    </message>
    <message>
        <source>Export the fishbone as PNG</source>
        <translation>将鱼骨图导出为 PNG</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Fishbone: %1</source>
        <translation>鱼骨图：%1</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>ImprovementPickerDialog</name>
    <message>
        <source>Add case %1 to an improvement action</source>
        <translation>将案件 %1 加入整改措施</translation>
    </message>
    <message>
        <source>Choose the open action that case %1 (%2 · %3) belongs to. The actions of the same category and service item come first.</source>
        <translation>请选择案件 %1（%2 · %3）所属的未完成措施。同一类别和事项的措施排在前面。</translation>
    </message>
    <message>
        <source>no category</source>
        <translation>无类别</translation>
    </message>
    <message>
        <source>no service item</source>
        <translation>无事项</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>加入(&amp;A)</translation>
    </message>
    <message>
        <source>There is no open action; use &quot;New improvement action…&quot; instead.</source>
        <translation>没有未完成的措施；请改用“新建整改措施…”。</translation>
    </message>
</context>
<context>
    <name>ImprovementRegisterWidget</name>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>类别(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;New action…</source>
        <translation>新建整改事项(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部整改事项</translation>
    </message>
    <message>
        <source>Open and in progress</source>
        <translation>待整改和整改中</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n 项整改事项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项已超期</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an action in the register first.</source>
        <translation>请先在台账中选择一项整改事项。</translation>
    </message>
</context>
<context>
    <name>ImprovementService</name>
    <message>
        <source>The chosen department does not exist or is no longer active.</source>
        <translation>所选责任部门不存在或已停用。</translation>
    </message>
    <message>
        <source>The chosen category does not exist.</source>
        <translation>所选类别不存在。</translation>
    </message>
    <message>
        <source>The chosen service item does not exist.</source>
        <translation>所选事项不存在。</translation>
    </message>
    <message>
        <source>Case %1 does not exist.</source>
        <translation>案件 %1 不存在。</translation>
    </message>
    <message>
        <source>The action &quot;%1&quot; was changed by someone else after you opened it; reopen it to see the changes, then try again.</source>
        <translation>您打开整改事项“%1”后，该事项已被他人修改；请重新打开查看修改内容后再试。</translation>
    </message>
    <message>
        <source>The action is already &quot;%1&quot;.</source>
        <translation>该整改事项已是“%1”状态。</translation>
    </message>
    <message>
        <source>An action links at most %1 cases.</source>
        <translation>一项整改事项最多关联 %1 件案件。</translation>
    </message>
    <message>
        <source>That case is not linked to the action.</source>
        <translation>该案件未关联到此整改事项。</translation>
    </message>
    <message>
        <source>Type a case number.</source>
        <translation>请输入案件编号。</translation>
    </message>
    <message>
        <source>There is no case %1.</source>
        <translation>案件 %1 不存在。</translation>
    </message>
    <message>
        <source>Compare between 1 and 52 weeks.</source>
        <translation>对比周数须在 1 至 52 之间。</translation>
    </message>
    <message>
        <source>The action &quot;%1&quot; is %2; only open actions and those in progress take cases.</source>
        <translation>措施“%1”的状态为%2；只有未开始和进行中的措施才能关联案件。</translation>
    </message>
    <message>
        <source>Case %1 is already linked to the action &quot;%2&quot;.</source>
        <translation>案件 %1 已关联到措施“%2”。</translation>
    </message>
</context>
<context>
    <name>ImprovementTableModel</name>
    <message>
        <source>%1 · overdue</source>
        <translation>%1 · 已超期</translation>
    </message>
    <message>
        <source>Overdue: the deadline was %1.</source>
        <translation>已超期：整改时限为 %1。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
</context>
<context>
    <name>Improvements</name>
    <message>
        <source>No category</source>
        <translation>无类别</translation>
    </message>
    <message>
        <source>No service item</source>
        <translation>无事项</translation>
    </message>
    <message>
        <source>Flagged by the dashboard: %1 cases from %2 to %3.</source>
        <translation>统计看板提示：%2 至 %3 期间共 %1 件案件。</translation>
    </message>
    <message>
        <source>Give the action a title.</source>
        <translation>请填写整改事项标题。</translation>
    </message>
    <message>
        <source>The title is longer than %1 characters.</source>
        <translation>标题超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>The description is longer than %1 characters.</source>
        <translation>说明超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>Choose the department that owns the action.</source>
        <translation>请选择该整改事项的责任部门。</translation>
    </message>
    <message>
        <source>Set the action&apos;s deadline.</source>
        <translation>请设置整改时限。</translation>
    </message>
    <message>
        <source>An action links at most %1 cases.</source>
        <translation>一项整改事项最多关联 %1 件案件。</translation>
    </message>
    <message>
        <source>The chain has more than %1 whys.</source>
        <translation>追问超过 %1 个。</translation>
    </message>
    <message>
        <source>Why %1 has an answer but no question.</source>
        <translation>第 %1 问有回答但没有问题。</translation>
    </message>
    <message>
        <source>Why %1 is longer than %2 characters.</source>
        <translation>第 %1 问超过 %2 个字符，请精简。</translation>
    </message>
    <message>
        <source>The root cause is longer than %1 characters.</source>
        <translation>根本原因超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>The countermeasure is longer than %1 characters.</source>
        <translation>整改措施超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>Name the problem at the head of the fishbone.</source>
        <translation>请在鱼头处填写问题。</translation>
    </message>
    <message>
        <source>The fishbone&apos;s problem is longer than %1 characters.</source>
        <translation>鱼骨图的问题超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>The bone %1 has more than %2 causes.</source>
        <translation>“%1”分支的原因超过 %2 条。</translation>
    </message>
    <message>
        <source>A cause on the bone %1 is longer than %2 characters.</source>
        <translation>“%1”分支有原因超过 %2 个字符，请精简。</translation>
    </message>
    <message>
        <source>The cause &quot;%1&quot; has more than %2 sub-causes.</source>
        <translation>原因“%1”的次级原因超过 %2 条。</translation>
    </message>
    <message>
        <source>A sub-cause of &quot;%1&quot; is longer than %2 characters.</source>
        <translation>原因“%1”有次级原因超过 %2 个字符，请精简。</translation>
    </message>
    <message>
        <source>%1 · %2: systemic cause</source>
        <translation>%1 · %2：系统性原因</translation>
    </message>
    <message>
        <source>Opened from case %1: %2</source>
        <translation>由案件 %1 发起：%2</translation>
    </message>
</context>
<context>
    <name>IntakeDraftStore</name>
    <message>
        <source>Cannot create the folder for drafts: %1</source>
        <translation>无法创建草稿文件夹：%1</translation>
    </message>
    <message>
        <source>Cannot save the draft: %1</source>
        <translation>无法保存草稿：%1</translation>
    </message>
</context>
<context>
    <name>IntakeFactsPage</name>
    <message>
        <source>2 · Confirm the facts</source>
        <translation>2 · 确认事实</translation>
    </message>
    <message>
        <source>Ask what happened, when, where and who was involved. Read the restatement to the citizen; if they correct it, change the fields.</source>
        <translation>询问发生了什么、时间、地点和涉及人员。向市民复述确认；如市民更正，请修改相应内容。</translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation>事情经过(&amp;W)：</translation>
    </message>
    <message>
        <source>W&amp;hen:</source>
        <translation>时间(&amp;H)：</translation>
    </message>
    <message>
        <source>e.g. this morning around ten</source>
        <translation>例如：今天上午十点左右</translation>
    </message>
    <message>
        <source>Wh&amp;ere:</source>
        <translation>地点(&amp;E)：</translation>
    </message>
    <message>
        <source>e.g. window 3, second floor</source>
        <translation>例如：二楼 3 号窗口</translation>
    </message>
    <message>
        <source>Service &amp;item:</source>
        <translation>事项(&amp;I)：</translation>
    </message>
    <message>
        <source>Staff in&amp;volved:</source>
        <translation>涉及人员(&amp;V)：</translation>
    </message>
    <message>
        <source>Name or role of the staff member</source>
        <translation>工作人员姓名或岗位</translation>
    </message>
    <message>
        <source>Win&amp;dow involved:</source>
        <translation>涉及窗口(&amp;D)：</translation>
    </message>
    <message>
        <source>Restatement for the citizen to confirm</source>
        <translation>请市民确认的复述内容</translation>
    </message>
    <message>
        <source>Citizen &amp;agreed</source>
        <translation>市民已确认(&amp;A)</translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>The facts changed: read the restatement again and ask the citizen.</source>
        <translation>事实已更改：请重新复述并征询市民意见。</translation>
    </message>
    <message>
        <source>Citizen agreed at %1</source>
        <translation>市民已于 %1 确认</translation>
    </message>
</context>
<context>
    <name>IntakeImpactPage</name>
    <message>
        <source>3 · Confirm the impact</source>
        <translation>3 · 确认影响</translation>
    </message>
    <message>
        <source>Ask who is affected and how badly, whether it happened before, and what the citizen asks for.</source>
        <translation>询问影响了谁、程度如何、以前是否发生过，以及市民有何诉求。</translation>
    </message>
    <message>
        <source>Who is a&amp;ffected:</source>
        <translation>影响对象(&amp;F)：</translation>
    </message>
    <message>
        <source>e.g. the citizen and her elderly father</source>
        <translation>例如：市民本人及其年迈的父亲</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>严重程度(&amp;S)：</translation>
    </message>
    <message>
        <source>S&amp;cope:</source>
        <translation>影响范围(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Recurrence:</source>
        <translation>重复情况(&amp;R)：</translation>
    </message>
    <message>
        <source>Citizen&apos;s &amp;demand:</source>
        <translation>市民诉求(&amp;D)：</translation>
    </message>
    <message>
        <source>Reas&amp;onableness:</source>
        <translation>合理性(&amp;O)：</translation>
    </message>
    <message>
        <source>Res&amp;ponsibility:</source>
        <translation>责任归属(&amp;P)：</translation>
    </message>
    <message>
        <source>Restatement for the citizen to confirm</source>
        <translation>请市民确认的复述内容</translation>
    </message>
    <message>
        <source>Citizen &amp;agreed</source>
        <translation>市民已确认(&amp;A)</translation>
    </message>
    <message>
        <source>A repeat? Systemic?</source>
        <translation>是否重复发生？是否系统性问题？</translation>
    </message>
    <message>
        <source>The citizen&apos;s &amp;earlier cases:</source>
        <translation>该市民以往的案件(&amp;E)：</translation>
    </message>
    <message>
        <source>Same service item and category, last 30 da&amp;ys:</source>
        <translation>近 30 天同一事项、同一类别的案件(&amp;Y)：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>The impact changed: read it again and ask the citizen.</source>
        <translation>影响已更改：请重新复述并征询市民意见。</translation>
    </message>
    <message>
        <source>Citizen agreed at %1</source>
        <translation>市民已于 %1 确认</translation>
    </message>
    <message>
        <source>Anonymous complaint: no earlier cases to show.</source>
        <translation>匿名投诉：无以往案件可显示。</translation>
    </message>
    <message>
        <source>A new citizen: no earlier cases.</source>
        <translation>新市民：无以往案件。</translation>
    </message>
    <message>
        <source>Loading the citizen&apos;s cases…</source>
        <translation>正在加载该市民的案件…</translation>
    </message>
    <message>
        <source>No earlier cases of this citizen.</source>
        <translation>该市民无以往案件。</translation>
    </message>
    <message>
        <source>Choose the service item and the category on the first page to see similar cases.</source>
        <translation>请在第一页选择事项和类别，以查看类似案件。</translation>
    </message>
    <message>
        <source>Loading similar cases…</source>
        <translation>正在加载类似案件…</translation>
    </message>
    <message numerus="yes">
        <source>No case of this service item and category in the last %n day(s).</source>
        <translation>
            <numerusform>近 %n 天内无该事项、该类别的案件。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s).</source>
        <translation>
            <numerusform>%n 件案件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeListenPage</name>
    <message>
        <source>1 · Listen</source>
        <translation>1 · 倾听</translation>
    </message>
    <message>
        <source>Let the citizen speak first and record the words as they are said. Then acknowledge the feelings, reading the sentences aloud.</source>
        <translation>先让市民把话说完，并如实记录原话。然后朗读话术，回应市民的感受。</translation>
    </message>
    <message>
        <source>Citizen&apos;s &amp;words, verbatim:</source>
        <translation>市民原话（如实记录）(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Emotion level:</source>
        <translation>情绪程度(&amp;E)：</translation>
    </message>
    <message>
        <source>Acknowledge the feelings (read aloud)</source>
        <translation>回应感受（请朗读）</translation>
    </message>
    <message>
        <source>Feelings ac&amp;knowledged</source>
        <translation>已回应感受(&amp;K)</translation>
    </message>
    <message>
        <source>Where and how</source>
        <translation>渠道与事项</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>Win&amp;dow:</source>
        <translation>窗口(&amp;D)：</translation>
    </message>
    <message>
        <source>Service &amp;item:</source>
        <translation>事项(&amp;I)：</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>类别(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Minutes waited:</source>
        <translation>等候时长(&amp;M)：</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Queue ticket:</source>
        <translation>排队号(&amp;Q)：</translation>
    </message>
    <message>
        <source>e.g. A023</source>
        <translation>例如：A023</translation>
    </message>
    <message>
        <source>Citizen (optional)</source>
        <translation>市民信息（选填）</translation>
    </message>
    <message>
        <source>An&amp;onymous complaint</source>
        <translation>匿名投诉(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Look up by phone or ID:</source>
        <translation>按电话或身份证号查找(&amp;L)：</translation>
    </message>
    <message>
        <source>Phone or ID number</source>
        <translation>电话或身份证号</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Citizen found:</source>
        <translation>查到的市民(&amp;C)：</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>姓名(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>ID n&amp;umber:</source>
        <translation>身份证号(&amp;U)：</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>地址(&amp;R)：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>Acknowledged at %1</source>
        <translation>已于 %1 回应</translation>
    </message>
    <message>
        <source>%1 (known citizen)</source>
        <translation>%1（已登记市民）</translation>
    </message>
    <message>
        <source>Type a phone or ID number first.</source>
        <translation>请先输入电话或身份证号。</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>New citizen (enter below)</source>
        <translation>新市民（请在下方填写）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No citizen with this number: enter the citizen below.</source>
        <translation>未找到该号码对应的市民：请在下方填写市民信息。</translation>
    </message>
    <message numerus="yes">
        <source>%n citizen(s) found: choose below.</source>
        <translation>
            <numerusform>找到 %n 位市民：请在下方选择。</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the sentences…</source>
        <translation>正在加载话术…</translation>
    </message>
    <message>
        <source>No sentences in the script library for this case yet. In your own words: thank the citizen and say that you understand.</source>
        <translation>话术库中暂无适用于此案件的话术。请用自己的话感谢市民，并表示理解。</translation>
    </message>
</context>
<context>
    <name>IntakeReviewPage</name>
    <message>
        <source>5 · Review and save</source>
        <translation>5 · 核对并保存</translation>
    </message>
    <message>
        <source>Check everything with the citizen once more, then save. Afterwards print the receipt or save it as PDF.</source>
        <translation>与市民再次核对全部内容，然后保存。保存后打印回执或另存为 PDF。</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>摘要(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Resolved on the spot</source>
        <translation>已当场解决(&amp;R)</translation>
    </message>
    <message>
        <source>What was &amp;done:</source>
        <translation>处理情况(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Print receipt…</source>
        <translation>打印回执(&amp;P)…</translation>
    </message>
    <message>
        <source>Save receipt as PD&amp;F…</source>
        <translation>将回执另存为 PDF(&amp;F)…</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>%1 (known citizen)</source>
        <translation>%1（已登记市民）</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未提供</translation>
    </message>
    <message>
        <source>1 · Listen</source>
        <translation>1 · 倾听</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>原话</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>情绪</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Waited</source>
        <translation>等候时长</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue ticket</source>
        <translation>排队号</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>市民</translation>
    </message>
    <message>
        <source>Feelings acknowledged</source>
        <translation>已回应感受</translation>
    </message>
    <message>
        <source>2 · Facts</source>
        <translation>2 · 事实</translation>
    </message>
    <message>
        <source>Restatement</source>
        <translation>复述内容</translation>
    </message>
    <message>
        <source>Citizen agreed</source>
        <translation>市民已确认</translation>
    </message>
    <message>
        <source>3 · Impact</source>
        <translation>3 · 影响</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>影响范围</translation>
    </message>
    <message>
        <source>Recurrence</source>
        <translation>重复情况</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Reasonableness</source>
        <translation>合理性</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>责任归属</translation>
    </message>
    <message>
        <source>4 · Steps</source>
        <translation>4 · 步骤</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>解决措施</translation>
    </message>
    <message>
        <source>Remedy details</source>
        <translation>解决措施详情</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>后续步骤</translation>
    </message>
    <message>
        <source>Promised time</source>
        <translation>承诺答复时间</translation>
    </message>
    <message>
        <source>Reason for a later time</source>
        <translation>延后原因</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Steps explained</source>
        <translation>已说明步骤</translation>
    </message>
    <message>
        <source>Before saving:</source>
        <translation>保存前请注意：</translation>
    </message>
    <message>
        <source>The case was not saved: %1 Nothing is lost; try again.</source>
        <translation>案件未保存：%1 已填写的内容不会丢失，请重试。</translation>
    </message>
    <message>
        <source>Case %1 saved. Give the citizen the receipt.</source>
        <translation>案件 %1 已保存。请将回执交给市民。</translation>
    </message>
    <message>
        <source>receipt-%1.pdf</source>
        <translation>回执-%1.pdf</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>将回执另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt saved to %1.</source>
        <translation>回执已保存至 %1。</translation>
    </message>
</context>
<context>
    <name>IntakeService</name>
    <message>
        <source>The chosen window does not exist or is no longer in use.</source>
        <translation>所选窗口不存在或已停用。</translation>
    </message>
    <message>
        <source>The chosen service item does not exist or is no longer in use.</source>
        <translation>所选事项不存在或已停用。</translation>
    </message>
    <message>
        <source>The chosen category does not exist or is no longer in use.</source>
        <translation>所选类别不存在或已停用。</translation>
    </message>
    <message>
        <source>The chosen department does not exist or is no longer in use.</source>
        <translation>所选责任部门不存在或已停用。</translation>
    </message>
    <message>
        <source>Confirm this step with the citizen before saving.</source>
        <translation>请先与市民确认此步骤，再保存。</translation>
    </message>
    <message>
        <source>The time of the confirmation lies in the future.</source>
        <translation>确认时间晚于当前时间，请核对。</translation>
    </message>
    <message>
        <source>The confirmations must follow each other: this one lies before the one before it (or before the complaint was received).</source>
        <translation>各项确认须按先后顺序进行：此项确认的时间早于上一项确认（或早于受理时间）。</translation>
    </message>
    <message>
        <source>Record what happened, as the citizen confirmed it.</source>
        <translation>请按市民确认的内容记录事情经过。</translation>
    </message>
    <message>
        <source>The text is longer than %1 characters.</source>
        <translation>内容超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>Record what the citizen asks for (the demand).</source>
        <translation>请记录市民的诉求。</translation>
    </message>
    <message>
        <source>Choose how serious the impact is.</source>
        <translation>请选择影响的严重程度。</translation>
    </message>
    <message>
        <source>Choose whom the problem reaches: one person, a group or the public.</source>
        <translation>请选择影响范围：个人、群体或公众。</translation>
    </message>
    <message>
        <source>Choose whether this happened for the first time, again, or keeps happening.</source>
        <translation>请选择该问题是首次发生、重复发生还是系统性问题。</translation>
    </message>
    <message>
        <source>Choose whether the complaint is reasonable (or still to be verified).</source>
        <translation>请选择投诉是否合理（或待核实）。</translation>
    </message>
    <message>
        <source>Choose where responsibility lies (or that it is still to be verified).</source>
        <translation>请选择责任归属（或待核实）。</translation>
    </message>
    <message>
        <source>Promise the citizen a time for the answer.</source>
        <translation>请向市民承诺答复时间。</translation>
    </message>
    <message>
        <source>The promised time must lie after the complaint was received.</source>
        <translation>承诺答复时间须晚于受理时间。</translation>
    </message>
    <message>
        <source>The promised time is later than the %1 hours the hall allows: say why.</source>
        <translation>承诺答复时间超出大厅规定的 %1 小时，请说明原因。</translation>
    </message>
    <message>
        <source>Record the complaint in the citizen&apos;s own words.</source>
        <translation>请用市民自己的话记录投诉内容。</translation>
    </message>
    <message>
        <source>The complaint text is longer than %1 characters.</source>
        <translation>投诉内容超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>A problem staff saw themselves is recorded as a staff report.</source>
        <translation>工作人员自行发现的问题，请按“员工上报”渠道登记。</translation>
    </message>
    <message>
        <source>Waiting time must be between 0 and %1 minutes.</source>
        <translation>等候时长须在 0 至 %1 分钟之间。</translation>
    </message>
    <message>
        <source>The time received lies in the future.</source>
        <translation>受理时间晚于当前时间，请核对。</translation>
    </message>
    <message>
        <source>The queue ticket is longer than %1 characters.</source>
        <translation>排队号超过 %1 个字符。</translation>
    </message>
    <message>
        <source>The citizen found earlier no longer exists; look them up again.</source>
        <translation>先前查到的市民信息已不存在，请重新查找。</translation>
    </message>
    <message>
        <source>Choose how the citizen sounded: it selects the acknowledgement.</source>
        <translation>请选择市民的情绪状态，系统据此提供相应的回应话术。</translation>
    </message>
    <message>
        <source>Acknowledge the citizen&apos;s feelings before going on.</source>
        <translation>请先回应市民的感受，再继续。</translation>
    </message>
    <message>
        <source>Choose the department responsible for the answer.</source>
        <translation>请选择负责答复的责任部门。</translation>
    </message>
    <message>
        <source>Cases can only be assigned to an active clerk or supervisor.</source>
        <translation>案件只能改派给账户已启用的窗口工作人员或值班主任。</translation>
    </message>
    <message>
        <source>Explain the next steps to the citizen.</source>
        <translation>请向市民说明后续步骤。</translation>
    </message>
    <message>
        <source>Describe what was done for the citizen on the spot.</source>
        <translation>请说明当场为市民做了哪些处理。</translation>
    </message>
    <message>
        <source>Choose the remedy given on the spot.</source>
        <translation>请选择当场提供的解决措施。</translation>
    </message>
    <message>
        <source>Describe the other remedy.</source>
        <translation>请说明其他解决措施。</translation>
    </message>
    <message>
        <source>Describe what you saw; thank you for reporting it.</source>
        <translation>请描述您发现的情况，感谢您的上报。</translation>
    </message>
    <message>
        <source>Case %1 was changed by someone else after you opened it; reopen it to see the changes, then amend again.</source>
        <translation>案件 %1 在您打开后已被他人修改，请重新打开该案件查看修改内容，再重新修改。</translation>
    </message>
    <message>
        <source>Case %1 is closed; reopen it before amending it.</source>
        <translation>案件 %1 已关闭，请先重新办理该案件，再进行修改。</translation>
    </message>
</context>
<context>
    <name>IntakeStepsPage</name>
    <message>
        <source>4 · Explain the steps</source>
        <translation>4 · 说明步骤</translation>
    </message>
    <message>
        <source>Say who handles it, what is done for the citizen now, what happens next and by when. Assemble the reply and check it.</source>
        <translation>说明由谁办理、现在为市民做了什么、后续如何处理以及何时答复。生成答复并检查。</translation>
    </message>
    <message>
        <source>Responsible &amp;unit:</source>
        <translation>责任部门(&amp;U)：</translation>
    </message>
    <message>
        <source>Assi&amp;gnee:</source>
        <translation>承办人(&amp;G)：</translation>
    </message>
    <message>
        <source>Immediate remedy for the citizen:</source>
        <translation>当场为市民提供的解决措施：</translation>
    </message>
    <message>
        <source>Apo&amp;logy</source>
        <translation>赔礼道歉(&amp;L)</translation>
    </message>
    <message>
        <source>Expe&amp;dited handling</source>
        <translation>加急办理(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;On-site help</source>
        <translation>现场帮办(&amp;O)</translation>
    </message>
    <message>
        <source>Fee &amp;waiver</source>
        <translation>减免费用(&amp;W)</translation>
    </message>
    <message>
        <source>Explana&amp;tion</source>
        <translation>解释说明(&amp;T)</translation>
    </message>
    <message>
        <source>Othe&amp;r</source>
        <translation>其他(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;medy details:</source>
        <translation>解决措施详情(&amp;M)：</translation>
    </message>
    <message>
        <source>What was done, or what &quot;other&quot; is</source>
        <translation>已做的处理，或“其他”的具体内容</translation>
    </message>
    <message>
        <source>Ne&amp;xt steps:</source>
        <translation>后续步骤(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Promised time:</source>
        <translation>承诺答复时间(&amp;P)：</translation>
    </message>
    <message>
        <source>Rea&amp;son for a later time:</source>
        <translation>延后原因(&amp;S)：</translation>
    </message>
    <message>
        <source>Repl&amp;y to the citizen:</source>
        <translation>答复市民(&amp;Y)：</translation>
    </message>
    <message>
        <source>Assemble from templat&amp;es</source>
        <translation>根据模板生成(&amp;E)</translation>
    </message>
    <message>
        <source>Reply chec&amp;k:</source>
        <translation>答复检查(&amp;K)：</translation>
    </message>
    <message>
        <source>Steps expl&amp;ained</source>
        <translation>已说明步骤(&amp;A)</translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>我（%1）</translation>
    </message>
    <message>
        <source>Later than the time limit (%1): say why below.</source>
        <translation>晚于办理时限（%1）：请在下方说明原因。</translation>
    </message>
    <message>
        <source>The time limit allows up to %1.</source>
        <translation>办理时限最晚为 %1。</translation>
    </message>
    <message>
        <source>The steps changed: explain them to the citizen again.</source>
        <translation>步骤已更改：请重新向市民说明。</translation>
    </message>
    <message>
        <source>Explained at %1</source>
        <translation>已于 %1 说明</translation>
    </message>
    <message>
        <source>Assembling the reply from the script library…</source>
        <translation>正在根据话术库生成答复…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 “%2”: %3</source>
        <translation>%1“%2”：%3</translation>
    </message>
    <message>
        <source>No findings: the reply reads well.</source>
        <translation>未发现问题：答复表述恰当。</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <source>New case: guided intake</source>
        <translation>新建案件：受理向导</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save case</source>
        <translation>保存案件(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Next page (Ctrl+Enter)</source>
        <translation>下一页（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Save the case (Ctrl+Enter)</source>
        <translation>保存案件（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Close; what was entered is kept as a draft</source>
        <translation>关闭；已填写的内容将保存为草稿</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to Qingting</source>
        <translation>登录倾听台</translation>
    </message>
    <message>
        <source>Complaint desk. Sign in with your own account.</source>
        <translation>投诉窗口。请使用您本人的账户登录。</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <source>Enter your login name.</source>
        <translation>请输入登录名。</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在核对密码…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>退出登录(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About Qingting</source>
        <translation>关于倾听台(&amp;A)</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>display name (login)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Signed in as %1 · %2</source>
        <translation>当前登录：%1 · %2</translation>
    </message>
    <message>
        <source>About Qingting</source>
        <translation>关于倾听台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;The complaint desk of a government service hall: every complaint heard, confirmed, resolved, followed up and learned from.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;政务服务大厅投诉窗口：每一件投诉都有人倾听、有人确认、有人办结、有人回访，并从中总结改进。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation>基础数据</translation>
    </message>
    <message>
        <source>Reply rules</source>
        <translation>答复规则</translation>
    </message>
    <message>
        <source>Response scripts</source>
        <translation>话术库</translation>
    </message>
    <message>
        <source>Deadline rules</source>
        <translation>时限规则</translation>
    </message>
    <message>
        <source>Import &amp;cases…</source>
        <translation>导入案件(&amp;C)…</translation>
    </message>
    <message>
        <source>Import queue &amp;visits…</source>
        <translation>导入排队记录(&amp;V)…</translation>
    </message>
    <message>
        <source>Import done. Records written: %1.</source>
        <translation>导入完成。已写入记录：%1 条。</translation>
    </message>
    <message>
        <source>Improvement register</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>统计看板</translation>
    </message>
    <message>
        <source>&amp;Review report…</source>
        <translation>复盘报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>案例库</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>模拟演练</translation>
    </message>
    <message>
        <source>Drill results</source>
        <translation>演练成绩</translation>
    </message>
    <message>
        <source>Risk queue</source>
        <translation>风险队列</translation>
    </message>
    <message>
        <source>Risk rules</source>
        <translation>风险规则</translation>
    </message>
    <message>
        <source>Crises</source>
        <translation>危机处置</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>用户指南(&amp;G)</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
</context>
<context>
    <name>MetricsService</name>
    <message>
        <source>The period needs a valid start date, end date and time.</source>
        <translation>统计时段需要有效的开始日期、结束日期和时间。</translation>
    </message>
    <message>
        <source>The period starts after it ends.</source>
        <translation>统计时段的开始晚于结束。</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>The file is not a readable database (%1).</source>
        <translation>该文件不是可读取的数据库（%1）。</translation>
    </message>
    <message>
        <source>The file belongs to another application.</source>
        <translation>该文件属于其他应用程序。</translation>
    </message>
    <message>
        <source>The database holds tables of another application (%1 ...), not Qingting&apos;s.</source>
        <translation>该数据库中是其他应用程序的数据表（%1 ...），而非倾听台的数据表。</translation>
    </message>
    <message>
        <source>The schema version could not be read: %1</source>
        <translation>无法读取数据库结构版本：%1</translation>
    </message>
    <message>
        <source>The database was written by a newer Qingting (schema %1; this build knows up to %2). Update Qingting on this desk.</source>
        <translation>该数据库由更新版本的倾听台写入（数据库结构版本 %1；当前版本最高支持 %2）。请更新本机的倾听台。</translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed: %3
%4</source>
        <translation>迁移 %1（%2）失败：%3
%4</translation>
    </message>
</context>
<context>
    <name>NotificationArea</name>
    <message>
        <source>%1 %2: assigned to you by %3</source>
        <translation>%1 %2：%3 将案件改派给您</translation>
    </message>
    <message>
        <source>%1 %2: reminder from %3 (%4)</source>
        <translation>%1 %2：%3 催办（%4）</translation>
    </message>
    <message>
        <source>%1 %2: transfer returned by %3 (%4)</source>
        <translation>%1 %2：%3 退回转办（%4）</translation>
    </message>
    <message>
        <source>%1 %2: %3 by %4</source>
        <translation>%1 %2：%4 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n new notices</source>
        <translation>
            <numerusform>%n 条新通知</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new from the other desks</source>
        <translation>其他岗位暂无新动态</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Notices: %1 new</source>
        <translation>新通知：%1 条</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>What other desks did on your cases: assigned to you, reminders, returned transfers</source>
        <translation>其他岗位对您案件的操作：改派给您、催办、退回转办</translation>
    </message>
</context>
<context>
    <name>PasswordHasher</name>
    <message numerus="yes">
        <source>The password must have at least %n characters.</source>
        <translation>
            <numerusform>密码至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The password must not be only spaces.</source>
        <translation>密码不能只包含空格。</translation>
    </message>
</context>
<context>
    <name>PauseClocksDialog</name>
    <message>
        <source>Waiting &amp;on:</source>
        <translation>等待对象(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Pause the clocks of %1</source>
        <translation>暂停案件 %1 的计时</translation>
    </message>
    <message>
        <source>While the case waits on the citizen or a third party, its deadlines stand still. The reason goes on the timeline.</source>
        <translation>案件等待市民或第三方期间，办理时限暂停计算。暂停原因将记入办理记录。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Resume the clocks of %1</source>
        <translation>恢复案件 %1 的计时</translation>
    </message>
    <message>
        <source>The clocks run again; every deadline moves by the time paused.</source>
        <translation>计时将重新开始；各项时限将顺延暂停的时长。</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复计时</translation>
    </message>
</context>
<context>
    <name>PeriodText</name>
    <message numerus="yes">
        <source>%1 to %2 (%n days)</source>
        <translation>
            <numerusform>%1 至 %2（%n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>compared with %1 to %2</source>
        <translation>对比 %1 至 %2</translation>
    </message>
</context>
<context>
    <name>Permission</name>
    <message>
        <source>read cases</source>
        <translation>查看案件</translation>
    </message>
    <message>
        <source>read citizens&apos; personal data</source>
        <translation>查看市民个人信息</translation>
    </message>
    <message>
        <source>record new cases</source>
        <translation>登记新案件</translation>
    </message>
    <message>
        <source>work cases</source>
        <translation>办理案件</translation>
    </message>
    <message>
        <source>approve closing cases</source>
        <translation>审核关闭案件</translation>
    </message>
    <message>
        <source>reassign cases</source>
        <translation>改派案件</translation>
    </message>
    <message>
        <source>reopen cases</source>
        <translation>重新办理案件</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>manage reference data</source>
        <translation>管理基础数据</translation>
    </message>
    <message>
        <source>read the audit log</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <source>import case history and queue records</source>
        <translation>导入历史案件和排队记录</translation>
    </message>
    <message>
        <source>read the dashboard, the figures and the review report</source>
        <translation>查看统计看板、指标和复盘报告</translation>
    </message>
    <message>
        <source>keep the improvement register</source>
        <translation>维护整改台账</translation>
    </message>
    <message>
        <source>build and share anonymized training cases</source>
        <translation>生成和共享脱敏培训案例</translation>
    </message>
    <message>
        <source>run drills</source>
        <translation>进行模拟演练</translation>
    </message>
    <message>
        <source>read every trainee&apos;s drill results</source>
        <translation>查看全体学员的演练成绩</translation>
    </message>
    <message>
        <source>run crisis mode</source>
        <translation>开展危机处置</translation>
    </message>
    <message>
        <source>erase citizens&apos; personal data after the retention period</source>
        <translation>保存期满后清除市民个人信息</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>must be a text</source>
        <translation>必须是文本</translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>超过 %1 个字符</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>is not a time (ISO 8601)</source>
        <translation>不是有效的时间（ISO 8601）</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 5, or null</source>
        <translation>必须是 1 至 5 之间的整数或 null</translation>
    </message>
    <message>
        <source>%1, field &quot;%2&quot;: %3.</source>
        <translation>%1，字段“%2”%3。</translation>
    </message>
</context>
<context>
    <name>Reasonableness</name>
    <message>
        <source>Reasonable</source>
        <translation>合理</translation>
    </message>
    <message>
        <source>Partly reasonable</source>
        <translation>部分合理</translation>
    </message>
    <message>
        <source>Unreasonable</source>
        <translation>不合理</translation>
    </message>
    <message>
        <source>To be verified</source>
        <translation>待核实</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Citizen (anonymous)</source>
        <translation>市民（匿名）</translation>
    </message>
    <message>
        <source>Government Service Hall</source>
        <translation>政务服务大厅</translation>
    </message>
    <message>
        <source>Complaint receipt</source>
        <translation>投诉回执</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>What you told us</source>
        <translation>您反映的情况</translation>
    </message>
    <message>
        <source>Your demand</source>
        <translation>您的诉求</translation>
    </message>
    <message>
        <source>Done for you now</source>
        <translation>已为您办理</translation>
    </message>
    <message>
        <source>Resolved on the spot</source>
        <translation>已当场解决</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Remedy details</source>
        <translation>解决措施详情</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>后续步骤</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>We will answer by</source>
        <translation>我们将在此时间前答复</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Ask at the complaint window of the hall, quoting the case number.</source>
        <translation>请到大厅投诉窗口咨询，并提供案件编号。</translation>
    </message>
    <message>
        <source>Where to ask: %1</source>
        <translation>咨询地点：%1</translation>
    </message>
    <message>
        <source>Thank you for telling us. Your feedback helps us serve everyone better.</source>
        <translation>感谢您的反映。您的意见有助于我们更好地服务大家。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinter</name>
    <message>
        <source>Cannot write the receipt to %1: %2</source>
        <translation>无法将回执写入 %1：%2</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印回执</translation>
    </message>
</context>
<context>
    <name>RectificationPanel</name>
    <message>
        <source>Follow-up and rating</source>
        <translation>回访与评价</translation>
    </message>
    <message>
        <source>Ratings:</source>
        <translation>满意度评价：</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>回访尝试：</translation>
    </message>
    <message>
        <source>Rectification:</source>
        <translation>差评整改：</translation>
    </message>
    <message>
        <source>Appeal:</source>
        <translation>申诉：</translation>
    </message>
    <message>
        <source>A&amp;ppeal rating…</source>
        <translation>申诉评价(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Decide appeal…</source>
        <translation>复核申诉(&amp;D)…</translation>
    </message>
    <message>
        <source>%1 of 5 on %2 (%3)</source>
        <translation>%1 分（满分 5 分），%2（%3）</translation>
    </message>
    <message>
        <source>%1, recommendation %2 of 10</source>
        <translation>%1，推荐度 %2 分（满分 10 分）</translation>
    </message>
    <message>
        <source>%1 — left out of the figures after an appeal</source>
        <translation>%1 — 经申诉复核不计入统计</translation>
    </message>
    <message>
        <source>%1 of 5 (no-rating rule)</source>
        <translation>%1 分（满分 5 分，未评价默认）</translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s), the last on %1</source>
        <translation>
            <numerusform>%n 次未联系上，最近一次为 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — marked unreachable</source>
        <translation>%1 — 已标记为无法联系</translation>
    </message>
    <message>
        <source>After the rating %1 of 5: next, %2; due %3</source>
        <translation>评价 %1 分（满分 5 分）后：下一环节为“%2”，时限 %3</translation>
    </message>
    <message>
        <source>After the rating %1 of 5: rectified, the second follow-up is due %2</source>
        <translation>评价 %1 分（满分 5 分）后：已整改，二次回访时限 %2</translation>
    </message>
    <message>
        <source>After the rating %1 of 5: rectified and followed up again on %2</source>
        <translation>评价 %1 分（满分 5 分）后：已整改，并于 %2 二次回访</translation>
    </message>
    <message>
        <source>&amp;What was verified:</source>
        <translation>核实情况(&amp;W)：</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>&amp;What was put right:</source>
        <translation>整改情况(&amp;W)：</translation>
    </message>
    <message>
        <source>Put right</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>&amp;What the citizen was told:</source>
        <translation>向市民反馈的内容(&amp;W)：</translation>
    </message>
    <message>
        <source>Citizen told</source>
        <translation>已反馈市民</translation>
    </message>
    <message>
        <source>%1 (%2) asked by %3: %4</source>
        <translation>%1（%2），申请人 %3：%4</translation>
    </message>
    <message>
        <source>%1; decided by %2</source>
        <translation>%1；复核人 %2</translation>
    </message>
    <message>
        <source>A second supervisor must decide the appeal you asked for.</source>
        <translation>您提出的申诉须由另一位值班主任复核。</translation>
    </message>
</context>
<context>
    <name>RectificationStage</name>
    <message>
        <source>Verify the complaint</source>
        <translation>核实</translation>
    </message>
    <message>
        <source>Put it right</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Tell the citizen</source>
        <translation>反馈市民</translation>
    </message>
    <message>
        <source>Second follow-up</source>
        <translation>二次回访</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>Recurrence</name>
    <message>
        <source>First time</source>
        <translation>首次发生</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复发生</translation>
    </message>
    <message>
        <source>Systemic</source>
        <translation>系统性问题</translation>
    </message>
</context>
<context>
    <name>ReferenceDataWidget</name>
    <message>
        <source>The windows, departments, service items and complaint categories offered when a case is recorded. Nothing is ever deleted: a deactivated entry is no longer offered, and the cases recorded with it keep it.</source>
        <translation>登记案件时可供选择的窗口、责任部门、事项和投诉类别。条目不会被删除：停用后不再供新案件选择，已使用该条目登记的案件保持不变。</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>Add &amp;sub-category…</source>
        <translation>新增子类别(&amp;S)…</translation>
    </message>
    <message>
        <source>Add a sub-category under the selected top-level category</source>
        <translation>在选中的一级类别下新增子类别</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Windows</source>
        <translation>窗口(&amp;W)</translation>
    </message>
    <message>
        <source>D&amp;epartments</source>
        <translation>责任部门(&amp;E)</translation>
    </message>
    <message>
        <source>Service &amp;items</source>
        <translation>事项(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>Reac&amp;tivate</source>
        <translation>重新启用(&amp;T)</translation>
    </message>
    <message>
        <source>Renamed &quot;%1&quot; to &quot;%2&quot;.</source>
        <translation>已将“%1”重命名为“%2”。</translation>
    </message>
    <message>
        <source>Added &quot;%1&quot;. It is offered for new cases now.</source>
        <translation>已新增“%1”，现在即可供新案件选择。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is offered for new cases again.</source>
        <translation>“%1”已重新供新案件选择。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no longer offered for new cases. The cases recorded with it keep it.</source>
        <translation>“%1”不再供新案件选择，已使用该条目登记的案件保持不变。</translation>
    </message>
</context>
<context>
    <name>ReferenceItemModel</name>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>No longer offered for new cases; the cases recorded with it keep it.</source>
        <translation>不再供新案件选择；已使用该条目登记的案件保持不变。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ReferenceNameDialog</name>
    <message>
        <source>Reference data</source>
        <translation>基础数据</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Add a window</source>
        <translation>新增窗口</translation>
    </message>
    <message>
        <source>Add a department</source>
        <translation>新增责任部门</translation>
    </message>
    <message>
        <source>Add a service item</source>
        <translation>新增事项</translation>
    </message>
    <message>
        <source>Add a category</source>
        <translation>新增类别</translation>
    </message>
    <message>
        <source>Rename &quot;%1&quot;</source>
        <translation>重命名“%1”</translation>
    </message>
    <message>
        <source>Cases recorded with it show the new name too.</source>
        <translation>已使用该条目登记的案件也将显示新名称。</translation>
    </message>
    <message>
        <source>Add a sub-category</source>
        <translation>新增子类别</translation>
    </message>
    <message>
        <source>A new sub-category under &quot;%1&quot;.</source>
        <translation>在“%1”下新增子类别。</translation>
    </message>
    <message>
        <source>It is offered for new cases at once.</source>
        <translation>新增后立即可供新案件选择。</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <source>Type a name.</source>
        <translation>请输入名称。</translation>
    </message>
</context>
<context>
    <name>ReferenceService</name>
    <message>
        <source>A name has 1 to 100 characters.</source>
        <translation>名称长度须为 1 至 100 个字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; exists already.</source>
        <translation>“%1”已存在。</translation>
    </message>
    <message>
        <source>The parent category does not exist.</source>
        <translation>上级类别不存在。</translation>
    </message>
</context>
<context>
    <name>Remedy</name>
    <message>
        <source>Apology</source>
        <translation>赔礼道歉</translation>
    </message>
    <message>
        <source>Expedited handling</source>
        <translation>加急办理</translation>
    </message>
    <message>
        <source>On-site help</source>
        <translation>现场帮办</translation>
    </message>
    <message>
        <source>Fee waiver</source>
        <translation>减免费用</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解释说明</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>Send a reminder</source>
        <translation>发送催办</translation>
    </message>
    <message>
        <source>&amp;Note for the assignee (optional):</source>
        <translation>给承办人的备注（选填）(&amp;N)：</translation>
    </message>
    <message>
        <source>What is needed, and by when</source>
        <translation>需要做什么，何时完成</translation>
    </message>
    <message>
        <source>Case %1 (%2) goes back to %3 as reminder no. %4: %5.</source>
        <translation>将向 %3 发出案件 %1（%2）的第 %4 次催办：%5。</translation>
    </message>
    <message>
        <source>Send reminder</source>
        <translation>发送催办</translation>
    </message>
</context>
<context>
    <name>ReplyFindingKind</name>
    <message>
        <source>Defensive</source>
        <translation>推诿辩解</translation>
    </message>
    <message>
        <source>Over-promise</source>
        <translation>过度承诺</translation>
    </message>
    <message>
        <source>No acknowledgement</source>
        <translation>未回应感受</translation>
    </message>
    <message>
        <source>No concrete step</source>
        <translation>无具体措施</translation>
    </message>
    <message>
        <source>No time given</source>
        <translation>未给出时间</translation>
    </message>
</context>
<context>
    <name>ReplyRuleModel</name>
    <message>
        <source>%1 (pattern)</source>
        <translation>%1（正则表达式）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Phrase or pattern</source>
        <translation>词语或正则表达式</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最近修改</translation>
    </message>
</context>
<context>
    <name>ReplyRuleService</name>
    <message>
        <source>A rule needs a phrase or a pattern.</source>
        <translation>规则须包含词语或正则表达式。</translation>
    </message>
    <message>
        <source>A pattern has at most %1 characters.</source>
        <translation>正则表达式不能超过 %1 个字符。</translation>
    </message>
    <message>
        <source>A pattern is one line.</source>
        <translation>正则表达式只能有一行。</translation>
    </message>
    <message>
        <source>The pattern is not a usable regular expression: %1.</source>
        <translation>该正则表达式无法使用：%1。</translation>
    </message>
    <message>
        <source>A rule needs advice for the clerk.</source>
        <translation>规则须包含给窗口工作人员的建议。</translation>
    </message>
    <message>
        <source>Advice has at most %1 characters.</source>
        <translation>建议不能超过 %1 个字符。</translation>
    </message>
    <message>
        <source>Only defensive rules can be excused by a constructive reply.</source>
        <translation>只有“推诿辩解”类规则才能因建设性答复而免于提示。</translation>
    </message>
    <message>
        <source>An active rule of this kind has this pattern already.</source>
        <translation>已有同类型的启用规则使用此正则表达式。</translation>
    </message>
</context>
<context>
    <name>ReplyRuleWidget</name>
    <message>
        <source>The rules the reply checker applies to every reply a clerk writes. Defensive and over-promise rules are words to avoid; the other kinds are cues a good reply contains (an acknowledgement, a concrete step, a time), and a reply without any of them gets the advice of the kind&apos;s first rule. A retired rule is kept but no longer applied.</source>
        <translation>答复检查会对窗口工作人员撰写的每条答复应用这些规则。“推诿辩解”和“过度承诺”规则列出应避免的用语；其他类型列出好的答复应包含的要素（回应感受、具体措施、时间），答复中一项都没有时，给出该类型第一条规则的建议。已停用的规则仍予保留，但不再应用。</translation>
    </message>
    <message>
        <source>&amp;New rule</source>
        <translation>新建规则(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>停用(&amp;R)</translation>
    </message>
    <message>
        <source>Show re&amp;tired rules</source>
        <translation>显示已停用的规则(&amp;T)</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Phrase:</source>
        <translation>词语(&amp;P)：</translation>
    </message>
    <message>
        <source>Regular e&amp;xpression (PCRE: use (?&lt;!不) to skip negated words)</source>
        <translation>正则表达式（PCRE：用 (?&lt;!不) 跳过否定形式的词语）(&amp;X)</translation>
    </message>
    <message>
        <source>Not a finding when the reply also gives a &amp;step and a time</source>
        <translation>答复同时给出具体措施和时间时不予提示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Advice:</source>
        <translation>建议(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Save rule</source>
        <translation>保存规则(&amp;S)</translation>
    </message>
    <message>
        <source>Try it on a sample reply</source>
        <translation>用示例答复试一试</translation>
    </message>
    <message>
        <source>Type or paste a reply; the findings follow as you type.</source>
        <translation>输入或粘贴一条答复，检查结果随输入实时显示。</translation>
    </message>
    <message>
        <source>Loading the rules…</source>
        <translation>正在加载规则…</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>Rule %1 (retired)</source>
        <translation>规则 %1（已停用）</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <source>Rule %1 added.</source>
        <translation>已新增规则 %1。</translation>
    </message>
    <message>
        <source>Rule %1 saved.</source>
        <translation>已保存规则 %1。</translation>
    </message>
    <message>
        <source>Rule %1 restored.</source>
        <translation>已恢复规则 %1。</translation>
    </message>
    <message>
        <source>Rule %1 retired: the checker no longer applies it.</source>
        <translation>已停用规则 %1：答复检查不再应用该规则。</translation>
    </message>
    <message>
        <source>Re&amp;store</source>
        <translation>恢复(&amp;S)</translation>
    </message>
    <message>
        <source>The pattern is not usable: %1</source>
        <translation>该正则表达式无法使用：%1</translation>
    </message>
    <message>
        <source>Type a sample reply to see what the checker finds.</source>
        <translation>输入示例答复，查看检查结果。</translation>
    </message>
    <message>
        <source>Type a phrase or pattern to see what it finds.</source>
        <translation>输入词语或正则表达式，查看其匹配结果。</translation>
    </message>
    <message>
        <source>This rule finds its cue in the sample.</source>
        <translation>此规则在示例中找到了所需要素。</translation>
    </message>
    <message>
        <source>This rule does not find its cue in the sample.</source>
        <translation>此规则未在示例中找到所需要素。</translation>
    </message>
    <message>
        <source>This rule finds nothing in the sample.</source>
        <translation>此规则在示例中没有匹配结果。</translation>
    </message>
    <message>
        <source>This rule finds: %1</source>
        <translation>此规则匹配到：%1</translation>
    </message>
    <message>
        <source>No findings: the reply reads well.</source>
        <translation>未发现问题：答复措辞得当。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 “%2” — %3</source>
        <translation>%1“%2”— %3</translation>
    </message>
    <message>
        <source>%1 active rules, %2 retired</source>
        <translation>启用规则 %1 条，已停用 %2 条</translation>
    </message>
</context>
<context>
    <name>ReportService</name>
    <message>
        <source>The report was cancelled.</source>
        <translation>报告已取消。</translation>
    </message>
    <message>
        <source>A review report covers at most %1 days.</source>
        <translation>复盘报告最多涵盖 %1 天。</translation>
    </message>
    <message>
        <source>Choose a start date on or before the end date.</source>
        <translation>开始日期不能晚于结束日期。</translation>
    </message>
    <message>
        <source>Government Service Hall</source>
        <translation>政务服务大厅</translation>
    </message>
    <message>
        <source>Reading the figures of the period and the previous period…</source>
        <translation>正在读取本期和上期的指标…</translation>
    </message>
    <message>
        <source>Reading the daily series, breakdowns and systemic alerts…</source>
        <translation>正在读取每日序列、分项统计和系统性问题…</translation>
    </message>
    <message>
        <source>Reading the systemic alerts&apos; cases…</source>
        <translation>正在读取系统性问题涉及的案件…</translation>
    </message>
    <message>
        <source>Reading the overdue cases…</source>
        <translation>正在读取超期案件…</translation>
    </message>
    <message>
        <source>Reading the improvement actions…</source>
        <translation>正在读取整改措施…</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>正在校验审计哈希链…</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在写入报告…</translation>
    </message>
    <message>
        <source>Only the head was read; run qingting-cli verify to check the chain.</source>
        <translation>仅读取了链首；如需校验哈希链，请运行 qingting-cli verify。</translation>
    </message>
    <message numerus="yes">
        <source>%n entries checked</source>
        <translation>
            <numerusform>已检查 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>entry %1: %2</source>
        <translation>第 %1 条：%2</translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    <message>
        <source>Figures of the period and the previous period</source>
        <translation>本期与上期指标</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键名</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Change (relative)</source>
        <translation>变化（相对）</translation>
    </message>
    <message>
        <source>Cases by category (Pareto)</source>
        <translation>按类别统计的案件（帕累托）</translation>
    </message>
    <message>
        <source>Pareto</source>
        <translation>帕累托</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>Vital few (80 %)</source>
        <translation>关键少数（80 %）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Daily series</source>
        <translation>每日序列</translation>
    </message>
    <message>
        <source>Weekly series</source>
        <translation>每周序列</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Waiting mean (min)</source>
        <translation>排队等候均值（分钟）</translation>
    </message>
    <message>
        <source>Waiting median (min)</source>
        <translation>排队等候中位数（分钟）</translation>
    </message>
    <message>
        <source>Waiting p90 (min)</source>
        <translation>排队等候 P90（分钟）</translation>
    </message>
    <message>
        <source>Queue visits called</source>
        <translation>已叫号排队人次</translation>
    </message>
    <message>
        <source>Waited at intake, mean (min)</source>
        <translation>受理时自述等候均值（分钟）</translation>
    </message>
    <message>
        <source>Rated %1 %2</source>
        <translation>评价 %1 %2</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值（NPS）</translation>
    </message>
    <message>
        <source>First response median (min)</source>
        <translation>首次响应中位数（分钟）</translation>
    </message>
    <message>
        <source>Resolution median (h)</source>
        <translation>办结时长中位数（小时）</translation>
    </message>
    <message>
        <source>Within 48 h</source>
        <translation>48 小时内答复率</translation>
    </message>
    <message>
        <source>Cases: %1</source>
        <translation>案件：%1</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>分项统计</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>First response mean (min)</source>
        <translation>首次响应均值（分钟）</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>已评价</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>转办次数</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>By window, service item and department</source>
        <translation>按窗口、事项和部门</translation>
    </message>
    <message>
        <source>Breakdowns</source>
        <translation>分项统计</translation>
    </message>
    <message>
        <source>Overdue cases at %1</source>
        <translation>截至 %1 的超期案件</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Days over</source>
        <translation>超期天数</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>另有 %1 件</translation>
    </message>
    <message>
        <source>and at least %1 more</source>
        <translation>另有至少 %1 件</translation>
    </message>
    <message>
        <source>Systemic problems (the same category and service item at least %1 times in %2 days)</source>
        <translation>系统性问题（同一类别和事项在 %2 天内至少出现 %1 次）</translation>
    </message>
    <message>
        <source>Systemic</source>
        <translation>系统性问题</translation>
    </message>
    <message>
        <source>Case numbers</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Improvement actions: open, and done in the period</source>
        <translation>整改措施：未完成的，以及本期完成的</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Linked cases</source>
        <translation>关联案件</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Audit checkpoint</source>
        <translation>审计检查点</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>大厅</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>本期开始</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>本期结束</translation>
    </message>
    <message>
        <source>Previous period from</source>
        <translation>上期开始</translation>
    </message>
    <message>
        <source>Previous period to</source>
        <translation>上期结束</translation>
    </message>
    <message>
        <source>Figures as of</source>
        <translation>指标截至</translation>
    </message>
    <message>
        <source>Report generated at</source>
        <translation>报告生成时间</translation>
    </message>
    <message>
        <source>Audit head: entry</source>
        <translation>审计链首：记录序号</translation>
    </message>
    <message>
        <source>Audit head: hash</source>
        <translation>审计链首：哈希值</translation>
    </message>
    <message>
        <source>Audit head: time</source>
        <translation>审计链首：时间</translation>
    </message>
    <message>
        <source>Audit head: key id</source>
        <translation>审计链首：密钥标识</translation>
    </message>
    <message>
        <source>(legacy, unkeyed)</source>
        <translation>（旧记录，无密钥）</translation>
    </message>
    <message>
        <source>Audit head</source>
        <translation>审计链首</translation>
    </message>
    <message>
        <source>(the audit log is empty)</source>
        <translation>（审计日志为空）</translation>
    </message>
    <message>
        <source>Chain check</source>
        <translation>哈希链校验</translation>
    </message>
    <message>
        <source>Check details</source>
        <translation>校验详情</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>按%1</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <comment>percentage points</comment>
        <translation>%1 个百分点</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>Cases received</source>
        <translation>受理案件数</translation>
    </message>
    <message>
        <source>First response, mean (minutes)</source>
        <translation>首次响应，均值（分钟）</translation>
    </message>
    <message>
        <source>First response, median (minutes)</source>
        <translation>首次响应，中位数（分钟）</translation>
    </message>
    <message>
        <source>First response, cases counted</source>
        <translation>首次响应，计入案件数</translation>
    </message>
    <message>
        <source>Resolution, mean (hours)</source>
        <translation>办结时长，均值（小时）</translation>
    </message>
    <message>
        <source>Resolution, median (hours)</source>
        <translation>办结时长，中位数（小时）</translation>
    </message>
    <message>
        <source>Resolution, cases counted</source>
        <translation>办结时长，计入案件数</translation>
    </message>
    <message>
        <source>Answered within 48 hours</source>
        <translation>48 小时内答复</translation>
    </message>
    <message>
        <source>48-hour rule, cases counted</source>
        <translation>48 小时规则，计入案件数</translation>
    </message>
    <message>
        <source>CSAT (rated 4 or 5)</source>
        <translation>满意率（评为 4 或 5）</translation>
    </message>
    <message>
        <source>Rated cases</source>
        <translation>已评价案件数</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值（NPS）</translation>
    </message>
    <message>
        <source>NPS answers</source>
        <translation>NPS 回答数</translation>
    </message>
    <message>
        <source>Recurrence within 30 days of closing</source>
        <translation>关闭后 30 天内再次投诉</translation>
    </message>
    <message>
        <source>Closed cases with a citizen</source>
        <translation>有群众信息的已关闭案件</translation>
    </message>
    <message>
        <source>Waiting in the queue, mean (minutes)</source>
        <translation>排队等候，均值（分钟）</translation>
    </message>
    <message>
        <source>Waiting in the queue, median (minutes)</source>
        <translation>排队等候，中位数（分钟）</translation>
    </message>
    <message>
        <source>Waiting in the queue, p90 (minutes)</source>
        <translation>排队等候，P90（分钟）</translation>
    </message>
    <message>
        <source>Queue visits called</source>
        <translation>已叫号排队人次</translation>
    </message>
    <message>
        <source>Transfers per case</source>
        <translation>每件转办次数</translation>
    </message>
    <message>
        <source>Review report (复盘报告)</source>
        <translation>复盘报告</translation>
    </message>
    <message>
        <source>count</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>比值</translation>
    </message>
    <message>
        <source>verified: the chain holds</source>
        <translation>已校验：哈希链完整</translation>
    </message>
    <message>
        <source>BROKEN: the chain does not hold</source>
        <translation>已损坏：哈希链不完整</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>未校验</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>每周</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV 文件，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>The report was cancelled; no file was written.</source>
        <translation>报告已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Unknown report format.</source>
        <translation>未知的报告格式。</translation>
    </message>
    <message>
        <source>Cannot add the sheet %1.</source>
        <translation>无法添加工作表 %1。</translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation>无法替换 %1。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 / 共 %2 页</translation>
    </message>
    <message>
        <source>Waiting time in the queue (%1)</source>
        <translation>排队等候时间（%1）</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>P90（第 90 百分位）</translation>
    </message>
    <message>
        <source>Satisfaction ratings and CSAT (%1)</source>
        <translation>满意度评价与满意率（%1）</translation>
    </message>
    <message>
        <source>rated cases</source>
        <translation>已评价案件</translation>
    </message>
    <message>
        <source>CSAT (right axis)</source>
        <translation>满意率（右轴）</translation>
    </message>
    <message>
        <source>Cases by channel (%1)</source>
        <translation>各渠道案件数（%1）</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>件</translation>
    </message>
    <message>
        <source>Pareto of categories (the first %1 of %2)</source>
        <translation>类别帕累托图（%2 类中的前 %1 类）</translation>
    </message>
    <message>
        <source>Pareto of categories</source>
        <translation>类别帕累托图</translation>
    </message>
    <message>
        <source>Vital few (up to 80 %)</source>
        <translation>关键少数（至 80 %）</translation>
    </message>
    <message>
        <source>Other categories</source>
        <translation>其他类别</translation>
    </message>
    <message>
        <source>Cumulative share (right axis)</source>
        <translation>累计占比（右轴）</translation>
    </message>
    <message>
        <source>80 % mark</source>
        <translation>80 % 线</translation>
    </message>
    <message>
        <source>Entry (seq): %1</source>
        <translation>记录（序号）：%1</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <source>Key id: %1</source>
        <translation>密钥标识：%1</translation>
    </message>
    <message>
        <source>(legacy, unkeyed)</source>
        <translation>（旧记录，无密钥）</translation>
    </message>
    <message>
        <source>The audit log is empty.</source>
        <translation>审计日志为空。</translation>
    </message>
    <message>
        <source>Check: %1</source>
        <translation>校验：%1</translation>
    </message>
    <message>
        <source>Compare this head hash with `qingting-cli verify` or the audit screen later: an entry that was altered, removed or inserted before it changes the chain.</source>
        <translation>日后请将此链首哈希值与 `qingting-cli verify` 或审计界面的结果核对：在它之前的任何记录被修改、删除或插入，哈希链都会改变。</translation>
    </message>
    <message>
        <source>Audit checkpoint (paper witness)</source>
        <translation>审计检查点（纸质凭证）</translation>
    </message>
    <message>
        <source>Figures as of %1; generated %2</source>
        <translation>指标截至 %1；生成于 %2</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Cases by category</source>
        <translation>各类别案件数</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>Waiting time (minutes)</source>
        <translation>等候时间（分钟）</translation>
    </message>
    <message>
        <source>Satisfaction ratings</source>
        <translation>满意度评价</translation>
    </message>
    <message>
        <source>CSAT</source>
        <translation>满意率</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>R&amp;epeat password:</source>
        <translation>确认密码(&amp;E)：</translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation>设置密码(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Responsibility</name>
    <message>
        <source>Our unit</source>
        <translation>本单位</translation>
    </message>
    <message>
        <source>Another department</source>
        <translation>其他部门</translation>
    </message>
    <message>
        <source>Citizen&apos;s misunderstanding</source>
        <translation>市民误解</translation>
    </message>
    <message>
        <source>To be verified</source>
        <translation>待核实</translation>
    </message>
</context>
<context>
    <name>RetentionService</name>
    <message>
        <source>This database cannot purge personal data.</source>
        <translation>此数据库无法清除个人信息。</translation>
    </message>
    <message>
        <source>The retention period is 1 to 50 years.</source>
        <translation>保存期限为 1 至 50 年。</translation>
    </message>
    <message>
        <source>The purge needs the day it is counted from.</source>
        <translation>清理需要指定起算日期。</translation>
    </message>
</context>
<context>
    <name>ReviewReportDialog</name>
    <message>
        <source>Review report</source>
        <translation>复盘报告</translation>
    </message>
    <message>
        <source>The review report (复盘报告) of a period: the figures against the previous period of the same length, the trends, the Pareto of categories, the breakdowns, overdue and systemic items, the improvement actions and the audit checkpoint.</source>
        <translation>某一时段的复盘报告：与上一等长时段对比的指标、趋势、类别帕累托分析、分项统计、超期和系统性问题、整改措施以及审计检查点。</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>开始(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>结束(&amp;T)：</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>文件(&amp;I)：</translation>
    </message>
    <message>
        <source>C&amp;reate report</source>
        <translation>生成报告(&amp;R)</translation>
    </message>
    <message>
        <source>review-report</source>
        <translation>复盘报告</translation>
    </message>
    <message>
        <source>Save the review report</source>
        <translation>保存复盘报告</translation>
    </message>
    <message>
        <source>Choose a start date on or before the end date.</source>
        <translation>开始日期不能晚于结束日期。</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 是文件夹；请输入文件名。</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 exists already. Replace it with the new report?</source>
        <translation>%1 已存在。要用新报告替换它吗？</translation>
    </message>
    <message>
        <source>Making the review report…</source>
        <translation>正在生成复盘报告…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The review report was written to %1.</source>
        <translation>复盘报告已写入 %1。</translation>
    </message>
    <message>
        <source>Open &amp;file</source>
        <translation>打开文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open f&amp;older</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
</context>
<context>
    <name>RiskAlertBanner</name>
    <message numerus="yes">
        <source>⚠ %n open high-risk alert(s): report and take it in the risk queue.</source>
        <translation>
            <numerusform>⚠ 有 %n 条未处理的高风险预警：请在风险队列中上报并接手。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the risk &amp;queue</source>
        <translation>打开风险队列(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>RiskExplanationDialog</name>
    <message>
        <source>Why this risk score</source>
        <translation>风险评分依据</translation>
    </message>
    <message>
        <source>Scoring the case…</source>
        <translation>正在为案件评分…</translation>
    </message>
    <message>
        <source>Signal and evidence</source>
        <translation>信号与依据</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>词语</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Set aside because</source>
        <translation>未计入的原因</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Signals that fired (the score is their sum, at most 100):</source>
        <translation>命中的信号（评分为其权重之和，最高 100）：</translation>
    </message>
    <message>
        <source>The text that was scored (counted words marked, words set aside struck through):</source>
        <translation>参与评分的文本（计入的词语已标出，未计入的词语加删除线）：</translation>
    </message>
    <message>
        <source>Matches set aside:</source>
        <translation>未计入的匹配：</translation>
    </message>
    <message>
        <source>Case %1: %2.</source>
        <translation>案件 %1：%2。</translation>
    </message>
    <message>
        <source>Stored score %1; the rules in force now give %2.</source>
        <translation>已保存的评分为 %1；按现行规则评分为 %2。</translation>
    </message>
    <message>
        <source>“%1” in the text</source>
        <translation>文本中的“%1”</translation>
    </message>
    <message>
        <source>Came in through %1</source>
        <translation>来自渠道：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier case(s) of the citizen</source>
        <translation>
            <numerusform>该市民此前有 %n 件案件</numerusform>
        </translation>
    </message>
    <message>
        <source>No signal fired.</source>
        <translation>没有命中任何信号。</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
</context>
<context>
    <name>RiskLevel</name>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
</context>
<context>
    <name>RiskPanel</name>
    <message>
        <source>High risk: report to the duty supervisor now.</source>
        <translation>高风险：请立即报告值班主任。</translation>
    </message>
    <message>
        <source>No risk signal in the text.</source>
        <translation>文本中没有风险信号。</translation>
    </message>
    <message>
        <source>Public-opinion risk:</source>
        <translation>舆情风险：</translation>
    </message>
</context>
<context>
    <name>RiskQueueModel</name>
    <message>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>RiskQueueWidget</name>
    <message>
        <source>You took the high-risk alert on case %1.</source>
        <translation>您已接手案件 %1 的高风险预警。</translation>
    </message>
    <message>
        <source>No open high-risk alert.</source>
        <translation>没有未处理的高风险预警。</translation>
    </message>
    <message numerus="yes">
        <source>%n open high-risk alert(s): take one to deal with it.</source>
        <translation>
            <numerusform>有 %n 条未处理的高风险预警：请接手处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>预警时间</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>&amp;Take alert</source>
        <translation>接手预警(&amp;T)</translation>
    </message>
    <message>
        <source>You deal with this case now; the alert closes on every desk.</source>
        <translation>由您处理此案件；所有窗口上的该预警随即关闭。</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Medium and high risk cases, newest first (double-click opens the case):</source>
        <translation>中、高风险案件，最新的在前（双击打开案件）：</translation>
    </message>
</context>
<context>
    <name>RiskRules</name>
    <message>
        <source>Risk rules, %1: %2</source>
        <translation>风险规则，%1：%2</translation>
    </message>
    <message>
        <source>unknown key (expected one of: %1)</source>
        <translation>未知的键（应为以下之一：%1）</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>expected an object {…}</source>
        <translation>应为对象 {…}</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2</source>
        <translation>应为 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>expected a text &quot;…&quot;</source>
        <translation>应为文本 &quot;…&quot;</translation>
    </message>
    <message>
        <source>expected a list of words [&quot;…&quot;, …]</source>
        <translation>应为词语列表 [&quot;…&quot;, …]</translation>
    </message>
    <message>
        <source>expected a word that is not empty</source>
        <translation>词语不能为空</translation>
    </message>
    <message>
        <source>the pattern is not a valid regular expression: %1 (at character %2)</source>
        <translation>该模式不是有效的正则表达式：%1（第 %2 个字符处）</translation>
    </message>
    <message>
        <source>the pattern matches an empty text, so it would match everywhere</source>
        <translation>该模式能匹配空文本，会在任何位置命中</translation>
    </message>
    <message>
        <source>The risk rules are not valid JSON: %1 (at character %2).</source>
        <translation>风险规则不是有效的 JSON：%1（第 %2 个字符处）。</translation>
    </message>
    <message>
        <source>The risk rules must be one JSON object {…}.</source>
        <translation>风险规则必须是一个 JSON 对象 {…}。</translation>
    </message>
    <message>
        <source>must be below levels.high (%1)</source>
        <translation>必须低于 levels.high（%1）</translation>
    </message>
    <message>
        <source>expected an opening and a closing mark, as “”</source>
        <translation>应为一对开、闭引号，如 “”</translation>
    </message>
    <message>
        <source>unknown channel (expected a channel code such as social_media)</source>
        <translation>未知渠道（应为渠道代码，如 social_media）</translation>
    </message>
    <message>
        <source>expected one of: %1</source>
        <translation>应为以下之一：%1</translation>
    </message>
</context>
<context>
    <name>RiskRulesWidget</name>
    <message>
        <source>Saved versions (the newest is in force):</source>
        <translation>已保存的版本（最新版本生效）：</translation>
    </message>
    <message>
        <source>No saved version: the built-in rules are in force.</source>
        <translation>没有已保存的版本：内置规则生效。</translation>
    </message>
    <message>
        <source>The rules are valid.</source>
        <translation>规则有效。</translation>
    </message>
    <message>
        <source>Risk rules saved as version %1; they are in force now.</source>
        <translation>风险规则已保存为第 %1 版，现已生效。</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <source>Why the rules change (kept with the version)</source>
        <translation>修改规则的原因（随版本保存）</translation>
    </message>
    <message>
        <source>&amp;Save as new version</source>
        <translation>保存为新版本(&amp;S)</translation>
    </message>
    <message>
        <source>Start from the &amp;built-in rules</source>
        <translation>从内置规则开始(&amp;B)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>保存人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>RiskService</name>
    <message>
        <source>The risk rules are longer than %1 bytes.</source>
        <translation>风险规则超过 %1 字节。</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>说明超过 %1 个字符。</translation>
    </message>
    <message>
        <source>The risk queue is not available on this connection.</source>
        <translation>此连接上无法使用风险队列。</translation>
    </message>
    <message>
        <source>The alert on case %1 was already taken by %2 at %3.</source>
        <translation>案件 %1 的预警已由 %2 于 %3 接手。</translation>
    </message>
</context>
<context>
    <name>RiskSignalKind</name>
    <message>
        <source>Media exposure</source>
        <translation>媒体曝光</translation>
    </message>
    <message>
        <source>Legal action</source>
        <translation>法律诉讼</translation>
    </message>
    <message>
        <source>Petition or escalation</source>
        <translation>信访或上访升级</translation>
    </message>
    <message>
        <source>Self-harm or violence</source>
        <translation>自伤或暴力</translation>
    </message>
    <message>
        <source>Group complaint</source>
        <translation>群体投诉</translation>
    </message>
    <message>
        <source>Strong emotion</source>
        <translation>情绪激烈</translation>
    </message>
    <message>
        <source>Repeat complainant</source>
        <translation>重复投诉人</translation>
    </message>
</context>
<context>
    <name>RiskText</name>
    <message>
        <source>%1 · score %2</source>
        <translation>%1 · 评分 %2</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>渠道</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier case(s)</source>
        <translation>
            <numerusform>此前 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>innocent sense</source>
        <translation>无害义项</translation>
    </message>
    <message>
        <source>negated</source>
        <translation>否定</translation>
    </message>
    <message>
        <source>hypothetical</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>someone else&apos;s words</source>
        <translation>转述他人的话</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Clerk</source>
        <translation>窗口工作人员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>值班主任</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>ScriptEditDialog</name>
    <message>
        <source>Response script</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>Write the script as a clerk says it to the citizen. Placeholders in braces, such as {称呼} or {承诺时间}, are filled in from the case.</source>
        <translation>请按窗口工作人员对市民说话的口吻撰写话术。花括号中的占位符（如 {称呼} 或 {承诺时间}）将根据案件自动填写。</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>步骤(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Emotion level:</source>
        <translation>情绪程度(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>A short name for the list</source>
        <translation>在列表中显示的简短名称</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>内容(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Placeholder:</source>
        <translation>占位符(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>插入(&amp;I)</translation>
    </message>
    <message>
        <source>Preview with sample values:</source>
        <translation>用示例值预览：</translation>
    </message>
    <message>
        <source>Ms Zhang</source>
        <translation>张女士</translation>
    </message>
    <message>
        <source>social insurance transfer</source>
        <translation>社保关系转移</translation>
    </message>
    <message>
        <source>5 pm on 2 December</source>
        <translation>12月2日下午5点</translation>
    </message>
    <message>
        <source>window 3</source>
        <translation>3号窗口</translation>
    </message>
    <message>
        <source>the social insurance section</source>
        <translation>社保科</translation>
    </message>
    <message>
        <source>this morning at ten</source>
        <translation>今天上午十点</translation>
    </message>
    <message>
        <source>to have the transfer done today</source>
        <translation>当天办好转移手续</translation>
    </message>
    <message>
        <source>we check the records and call you back</source>
        <translation>我们核实记录后给您回电话</translation>
    </message>
    <message>
        <source>the city service hall</source>
        <translation>市政务服务大厅</translation>
    </message>
    <message>
        <source>service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>you waited 40 minutes and were sent to another window</source>
        <translation>您等了40分钟，又被指到另一个窗口</translation>
    </message>
    <message>
        <source>you had to take half a day off work</source>
        <translation>您为此请了半天假</translation>
    </message>
    <message>
        <source>the transfer was completed on the same day</source>
        <translation>转移手续已于当天办结</translation>
    </message>
    <message>
        <source>Every category</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>Every emotion level</source>
        <translation>所有情绪程度</translation>
    </message>
    <message>
        <source>Edit response script</source>
        <translation>编辑话术</translation>
    </message>
    <message>
        <source>Add response script</source>
        <translation>新增话术</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add script</source>
        <translation>新增话术(&amp;A)</translation>
    </message>
    <message>
        <source>(no text yet)</source>
        <translation>（尚无内容）</translation>
    </message>
    <message>
        <source>Qingting cannot fill in %1: the clerk would see it as it is. Use one of the placeholders offered below the text.</source>
        <translation>倾听台无法填写 %1：窗口工作人员将看到其原样文字。请使用内容下方提供的占位符。</translation>
    </message>
</context>
<context>
    <name>ScriptLibraryWidget</name>
    <message>
        <source>Response scripts (话术) are offered to clerks at each step of an intake: for the complaint&apos;s category, or for every category. Retired scripts stay on record but are no longer offered.</source>
        <translation>受理投诉的每个步骤都会向窗口工作人员提供话术：可针对投诉类别，也可适用于所有类别。已停用的话术仍予保留，但不再提供。</translation>
    </message>
    <message>
        <source>S&amp;tep:</source>
        <translation>步骤(&amp;T)：</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>类别(&amp;G)：</translation>
    </message>
    <message>
        <source>Show r&amp;etired</source>
        <translation>显示已停用(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Add script…</source>
        <translation>新增话术(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>停用(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>All steps</source>
        <translation>全部步骤</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Every category (general scripts)</source>
        <translation>所有类别（通用话术）</translation>
    </message>
    <message numerus="yes">
        <source>%n script(s)</source>
        <translation>
            <numerusform>%n 条话术</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>重新启用(&amp;A)</translation>
    </message>
    <message>
        <source>Added the script &quot;%1&quot;.</source>
        <translation>已新增话术“%1”。</translation>
    </message>
    <message>
        <source>Saved the script &quot;%1&quot;.</source>
        <translation>已保存话术“%1”。</translation>
    </message>
    <message>
        <source>The script &quot;%1&quot; is offered to clerks again.</source>
        <translation>话术“%1”已重新提供给窗口工作人员。</translation>
    </message>
    <message>
        <source>The script &quot;%1&quot; is retired: clerks are no longer offered it.</source>
        <translation>话术“%1”已停用，不再提供给窗口工作人员。</translation>
    </message>
</context>
<context>
    <name>ScriptService</name>
    <message>
        <source>A script&apos;s title has 1 to %1 characters.</source>
        <translation>话术标题长度须为 1 至 %1 个字符。</translation>
    </message>
    <message>
        <source>Write the text of the script.</source>
        <translation>请填写话术内容。</translation>
    </message>
    <message>
        <source>A script&apos;s text has at most %1 characters; this one has %2.</source>
        <translation>话术内容不能超过 %1 个字符，当前为 %2 个字符。</translation>
    </message>
    <message>
        <source>Unknown placeholders: %1. Qingting can fill in: %2.</source>
        <translation>未知的占位符：%1。倾听台可填写的占位符：%2。</translation>
    </message>
    <message>
        <source>The category of the script does not exist.</source>
        <translation>该话术的类别不存在。</translation>
    </message>
    <message>
        <source>Someone else changed the script &quot;%1&quot; meanwhile. Load it again and repeat your change.</source>
        <translation>话术“%1”在此期间已被他人修改。请重新加载后再次修改。</translation>
    </message>
</context>
<context>
    <name>ScriptStep</name>
    <message>
        <source>Acknowledge</source>
        <translation>回应感受</translation>
    </message>
    <message>
        <source>Restate the facts</source>
        <translation>复述事实</translation>
    </message>
    <message>
        <source>Confirm the impact</source>
        <translation>确认影响</translation>
    </message>
    <message>
        <source>Explain the steps</source>
        <translation>说明后续步骤</translation>
    </message>
    <message>
        <source>Tell the result</source>
        <translation>告知结果</translation>
    </message>
    <message>
        <source>Public reply</source>
        <translation>公开答复</translation>
    </message>
</context>
<context>
    <name>ScriptTableModel</name>
    <message>
        <source>%1 / %2</source>
        <comment>parent category / category</comment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Every category</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>Every level</source>
        <translation>所有程度</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>情绪</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Your role (%1) may not %2.</source>
        <translation>您的角色（%1）无权%2。</translation>
    </message>
    <message>
        <source>Your account no longer exists. Log in again.</source>
        <translation>您的账户已不存在。请重新登录。</translation>
    </message>
    <message>
        <source>An administrator disabled your account (%1). You have been logged out.</source>
        <translation>管理员已停用您的账户（%1）。您已退出登录。</translation>
    </message>
    <message>
        <source>An administrator changed your role from %1 to %2. Log in again to work with your new role.</source>
        <translation>管理员已将您的角色由“%1”变更为“%2”。请重新登录，以新角色继续工作。</translation>
    </message>
</context>
<context>
    <name>SettingsWidget</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The change applies at once, to every open window.</source>
        <translation>更改将立即应用于所有已打开的窗口。</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>您的账户</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>当前登录：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>display name (login)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>R&amp;epeat new password:</source>
        <translation>再次输入新密码(&amp;E)：</translation>
    </message>
    <message>
        <source>C&amp;hange password</source>
        <translation>修改密码(&amp;H)</translation>
    </message>
    <message>
        <source>Type your current password first.</source>
        <translation>请先输入当前密码。</translation>
    </message>
    <message>
        <source>Your password was changed. Use the new one from your next login on.</source>
        <translation>密码已修改，下次登录请使用新密码。</translation>
    </message>
    <message>
        <source>Checking and saving the password…</source>
        <translation>正在核对并保存密码…</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>回执</translation>
    </message>
    <message>
        <source>H&amp;all name:</source>
        <translation>大厅名称(&amp;A)：</translation>
    </message>
    <message>
        <source>e.g. the city&apos;s government service hall</source>
        <translation>例如：市政务服务大厅</translation>
    </message>
    <message>
        <source>&amp;Where to ask:</source>
        <translation>咨询地点(&amp;W)：</translation>
    </message>
    <message>
        <source>e.g. the complaint window, phone 12345</source>
        <translation>例如：投诉窗口，电话 12345</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>特别严重</translation>
    </message>
</context>
<context>
    <name>SignForDialog</name>
    <message>
        <source>&amp;Note (optional to sign for; the reason, required to return):</source>
        <translation>备注（签收时选填；退回时须填写理由）(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Return to sender</source>
        <translation>退回(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Sign for</source>
        <translation>签收(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sign for or return — %1</source>
        <translation>签收或退回 — %1</translation>
    </message>
    <message>
        <source>Case %1 was transferred to %2. Sign for it if it is yours to handle; otherwise return it to %3 and say why.</source>
        <translation>案件 %1 已转办至 %2。如属本部门办理范围，请签收；否则请退回 %3 并说明理由。</translation>
    </message>
    <message>
        <source>Transferred %1 by %2: %3</source>
        <translation>%2 于 %1 转办：%3</translation>
    </message>
</context>
<context>
    <name>SlaEngine</name>
    <message>
        <source>Waiting on a third party</source>
        <translation>等待第三方</translation>
    </message>
    <message>
        <source>Waiting on the citizen (supplementary documents)</source>
        <translation>等待市民补正材料</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>回应市民</translation>
    </message>
    <message>
        <source>Answer (solution or timetable)</source>
        <translation>答复（解决方案或办理时间表）</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Rectification after a bad review</source>
        <translation>差评整改</translation>
    </message>
    <message>
        <source>Second follow-up</source>
        <translation>二次回访</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>The working hours have no period in which a clock could run.</source>
        <translation>工作时间中没有可计时的时段。</translation>
    </message>
    <message>
        <source>The deadline could not be computed.</source>
        <translation>无法计算办理时限。</translation>
    </message>
    <message>
        <source>The clock is paused.</source>
        <translation>计时已暂停。</translation>
    </message>
    <message>
        <source>Paused since %1: %2 left of %3 %4.</source>
        <translation>自 %1 起暂停：%4 %3，剩余 %2。</translation>
    </message>
    <message>
        <source>Due %1: %2 %3, plus %4 paused.</source>
        <translation>%1 到期：%3 %2，另加暂停的 %4。</translation>
    </message>
    <message>
        <source>Due %1: %2 %3.</source>
        <translation>%1 到期：%3 %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paused since %1: %n working day(s) left of %2 %3.</source>
        <translation>
            <numerusform>自 %1 起暂停：%3 %2，剩余 %n 个工作日。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Due %1: %2 %3, plus %n working day(s) paused.</source>
        <translation>
            <numerusform>%1 到期：%3 %2，另加暂停的 %n 个工作日。</numerusform>
        </translation>
    </message>
    <message>
        <source>from receipt</source>
        <translation>自受理起</translation>
    </message>
    <message>
        <source>from reopening</source>
        <translation>自重新办理起</translation>
    </message>
    <message numerus="yes">
        <source>%n working hour(s)</source>
        <translation>
            <numerusform>%n 个工作小时</numerusform>
        </translation>
    </message>
    <message>
        <source>Due %1: extension approved (the deadline was %2).</source>
        <translation>%1 到期：已批准延期（原时限为 %2）。</translation>
    </message>
    <message>
        <source>Due %1: extension approved.</source>
        <translation>%1 到期：已批准延期。</translation>
    </message>
    <message>
        <source>from the bad review</source>
        <translation>自差评起</translation>
    </message>
    <message>
        <source>from the rectification&apos;s feedback</source>
        <translation>自整改反馈起</translation>
    </message>
</context>
<context>
    <name>SlaPolicyText</name>
    <message>
        <source>The stored deadline rules cannot be read: %1</source>
        <translation>无法读取已保存的时限规则：%1</translation>
    </message>
    <message>
        <source>The acknowledgement target must be %1 to %2 minutes.</source>
        <translation>回应时限须为 %1 至 %2 分钟。</translation>
    </message>
    <message>
        <source>The answer target must be %1 to %2 hours.</source>
        <translation>答复时限须为 %1 至 %2 小时。</translation>
    </message>
    <message>
        <source>The resolution target must be %1 to %2 working days.</source>
        <translation>办结时限须为 %1 至 %2 个工作日。</translation>
    </message>
    <message>
        <source>A category&apos;s resolution target must be %1 to %2 working days.</source>
        <translation>类别的办结时限须为 %1 至 %2 个工作日。</translation>
    </message>
    <message>
        <source>The rectification target must be %1 to %2 working days.</source>
        <translation>整改时限须为 %1 至 %2 个工作日。</translation>
    </message>
    <message>
        <source>The second follow-up target must be %1 to %2 working days.</source>
        <translation>二次回访时限须为 %1 至 %2 个工作日。</translation>
    </message>
    <message>
        <source>The near-deadline warning must be %1 to %2 minutes.</source>
        <translation>临期提醒须为 %1 至 %2 分钟。</translation>
    </message>
    <message>
        <source>The transfer flag threshold must be %1 to %2 transfers.</source>
        <translation>多次转办标记阈值须为 %1 至 %2 次。</translation>
    </message>
    <message>
        <source>The unreachable rule must be %1 to %2 failed attempts.</source>
        <translation>无法联系规则须为 %1 至 %2 次未联系上。</translation>
    </message>
    <message>
        <source>The no-rating rule must wait %1 to %2 days.</source>
        <translation>未评价默认规则的等待天数须为 %1 至 %2 天。</translation>
    </message>
    <message>
        <source>The no-rating level must be %1 to %2.</source>
        <translation>未评价默认分值须为 %1 至 %2 分。</translation>
    </message>
    <message>
        <source>Give at least one working period.</source>
        <translation>请至少填写一个工作时段。</translation>
    </message>
    <message>
        <source>A working period must end after it starts.</source>
        <translation>工作时段的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Working periods must be in order and must not overlap.</source>
        <translation>工作时段须按时间顺序排列，且不得重叠。</translation>
    </message>
    <message>
        <source>The golden hours of crisis mode must be 4 or 1 (strict).</source>
        <translation>危机处置的黄金时间必须为 4 小时或 1 小时（严格）。</translation>
    </message>
</context>
<context>
    <name>SlaPolicyWidget</name>
    <message>
        <source>The targets of every deadline clock. Changes apply to every case from the next time its clocks are read; each change is recorded in the audit log.</source>
        <translation>各项计时的办理时限。修改后，所有案件在下次读取计时时生效；每次修改均记入审计日志。</translation>
    </message>
    <message>
        <source>Clocks</source>
        <translation>计时</translation>
    </message>
    <message>
        <source>&amp;Acknowledge (not at a window), minutes:</source>
        <translation>回应时限（非窗口受理），分钟(&amp;A)：</translation>
    </message>
    <message>
        <source>A&amp;nswer, hours:</source>
        <translation>答复时限，小时(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Resolve, working days:</source>
        <translation>办结时限，工作日(&amp;R)：</translation>
    </message>
    <message>
        <source>Re&amp;ctify after a bad review, working days:</source>
        <translation>差评整改时限，工作日(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Second follow-up, working days:</source>
        <translation>二次回访时限，工作日(&amp;S)：</translation>
    </message>
    <message>
        <source>Count hour clocks in &amp;working hours only</source>
        <translation>按小时计的时限仅在工作时间内计时(&amp;W)</translation>
    </message>
    <message>
        <source>Working &amp;periods:</source>
        <translation>工作时段(&amp;P)：</translation>
    </message>
    <message>
        <source>09:00-12:00, 13:30-17:30</source>
        <translation>09:00-12:00, 13:30-17:30</translation>
    </message>
    <message>
        <source>Closed loop</source>
        <translation>闭环管理</translation>
    </message>
    <message>
        <source>&amp;Near the deadline, minutes left:</source>
        <translation>临期提醒，剩余分钟数(&amp;N)：</translation>
    </message>
    <message>
        <source>Flag after &amp;transfers:</source>
        <translation>转办次数达到后标记(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Unreachable after failed attempts:</source>
        <translation>未联系上次数达到后标记为无法联系(&amp;U)：</translation>
    </message>
    <message>
        <source>No rating within some days counts as a &amp;rating</source>
        <translation>逾期未评价视为默认评价(&amp;R)</translation>
    </message>
    <message>
        <source>No rating &amp;within, days:</source>
        <translation>未评价天数(&amp;W)：</translation>
    </message>
    <message>
        <source>Counts as &amp;level (1-5):</source>
        <translation>默认分值（1-5）(&amp;L)：</translation>
    </message>
    <message>
        <source>Resolution per category (working days; 0 = the general target)</source>
        <translation>各类别办结时限（工作日；0 = 通用时限）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新加载(&amp;L)</translation>
    </message>
    <message>
        <source>Sa&amp;ve rules</source>
        <translation>保存规则(&amp;V)</translation>
    </message>
    <message>
        <source>general target</source>
        <translation>通用时限</translation>
    </message>
    <message>
        <source>Resolution of %1, working days</source>
        <translation>%1 的办结时限，工作日</translation>
    </message>
    <message>
        <source>Write the working periods as 09:00-12:00, 13:30-17:30.</source>
        <translation>请按 09:00-12:00, 13:30-17:30 的格式填写工作时段。</translation>
    </message>
    <message>
        <source>The deadline rules were saved.</source>
        <translation>时限规则已保存。</translation>
    </message>
    <message>
        <source>Crisis mode: &amp;strict golden hour (1 hour instead of 4 to the first public statement)</source>
        <translation>危机处置：严格黄金时间(&amp;S)（首次公开回应时限为 1 小时而非 4 小时）</translation>
    </message>
</context>
<context>
    <name>SlaService</name>
    <message>
        <source>This database cannot store deadline rules.</source>
        <translation>该数据库无法保存时限规则。</translation>
    </message>
    <message>
        <source>This database cannot record pauses.</source>
        <translation>该数据库无法记录暂停计时。</translation>
    </message>
    <message>
        <source>Someone else changed the case meanwhile. Reload it and try again.</source>
        <translation>该案件在此期间已被他人修改。请重新加载后再试。</translation>
    </message>
    <message>
        <source>Say what the case is waiting for.</source>
        <translation>请说明案件在等待什么。</translation>
    </message>
    <message>
        <source>The reason is longer than %1 characters.</source>
        <translation>理由超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>Only the clocks of an open case can be paused.</source>
        <translation>只有办理中的案件才能暂停计时。</translation>
    </message>
    <message>
        <source>The case&apos;s clocks are already paused.</source>
        <translation>该案件已暂停计时。</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>备注超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>The case&apos;s clocks are running; there is nothing to resume.</source>
        <translation>该案件正在计时，无需恢复。</translation>
    </message>
</context>
<context>
    <name>SqlAuditRepository</name>
    <message>
        <source>The audit log&apos;s head row is missing.</source>
        <translation>审计日志的链首记录缺失。</translation>
    </message>
    <message>
        <source>Entry %1 is missing: the log jumps from %2 to %3.</source>
        <translation>第 %1 条记录缺失：日志从第 %2 条直接跳到第 %3 条。</translation>
    </message>
    <message>
        <source>Entry %1 does not link to entry %2: an entry was changed or removed.</source>
        <translation>第 %1 条记录与第 %2 条记录无法衔接：有记录被修改或删除。</translation>
    </message>
    <message>
        <source>Entry %1 (%2 by %3) was altered after it was written.</source>
        <translation>第 %1 条记录（%2，操作人 %3）在写入后被改动过。</translation>
    </message>
    <message>
        <source>The log ends at entry %1 but %2 entries were written: the newest entries were removed.</source>
        <translation>日志止于第 %1 条记录，但共写入过 %2 条记录：最新的记录已被删除。</translation>
    </message>
    <message>
        <source>Entry %1 was replaced after it was written.</source>
        <translation>第 %1 条记录在写入后被替换过。</translation>
    </message>
    <message>
        <source>This desk holds no audit key.</source>
        <translation>本机没有审计密钥。</translation>
    </message>
    <message>
        <source>The audit log is sealed with key %1, which the audit key file %2 does not hold. Copy the hall&apos;s current audit key file to this desk.</source>
        <translation>审计日志使用密钥 %1 封签，但审计密钥文件 %2 中没有该密钥。请将本大厅当前的审计密钥文件复制到本机。</translation>
    </message>
    <message>
        <source>The audit log is sealed with key %1; the audit key file %2 holds only %3.</source>
        <translation>审计日志使用密钥 %1 封签；审计密钥文件 %2 中只有 %3。</translation>
    </message>
    <message>
        <source>Entry %1 (%2 by %3) is in the old unkeyed format, but the log was keyed before it was written: the log was re-forged from here.</source>
        <translation>第 %1 条记录（%2，操作人 %3）为无密钥的旧格式，但日志在该记录写入之前已启用密钥：日志从此处起被重新伪造。</translation>
    </message>
    <message>
        <source>Entry %1 (%2 by %3) was altered after it was written: its keyed seal does not match.</source>
        <translation>第 %1 条记录（%2，操作人 %3）在写入后被改动过：其密钥封签不匹配。</translation>
    </message>
    <message>
        <source>Entry %1 is not the entry the checkpoint recorded: the log was rewritten up to here.</source>
        <translation>第 %1 条记录与检查点记载的记录不符：日志截至此处的部分已被改写。</translation>
    </message>
    <message>
        <source>The log ends at entry %1, but a checkpoint recorded entry %2: the newest entries were removed.</source>
        <translation>日志止于第 %1 条记录，但检查点记载了第 %2 条记录：最新的记录已被删除。</translation>
    </message>
    <message>
        <source>The audit log&apos;s head was never sealed with the audit key, or its seal was removed.</source>
        <translation>审计日志的链首从未使用审计密钥封签，或其封签已被删除。</translation>
    </message>
    <message>
        <source>Entries 1 to %1 are in the old unkeyed format and the head&apos;s keyed seal does not match: the whole log may have been re-forged.</source>
        <translation>第 1 至 %1 条记录均为无密钥的旧格式，且链首的密钥封签不匹配：整个日志可能已被重新伪造。</translation>
    </message>
    <message>
        <source>The head&apos;s keyed seal does not match entry %1: entries after it were removed or the head was rewritten.</source>
        <translation>链首的密钥封签与第 %1 条记录不符：该记录之后的记录已被删除，或链首已被改写。</translation>
    </message>
    <message>
        <source>Some entries are sealed with keys the audit key file %1 does not hold (%2); they were not checked.</source>
        <translation>部分记录使用审计密钥文件 %1 中没有的密钥（%2）封签，这些记录未经校验。</translation>
    </message>
</context>
<context>
    <name>SqlCaseRepository</name>
    <message>
        <source>Case %1 was changed by someone else meanwhile; reopen it and try again.</source>
        <translation>案件 %1 在此期间已被他人修改，请重新打开该案件后再试。</translation>
    </message>
    <message>
        <source>There is no case %1.</source>
        <translation>案件 %1 不存在。</translation>
    </message>
    <message>
        <source>The citizen record no longer exists.</source>
        <translation>该市民信息已不存在。</translation>
    </message>
</context>
<context>
    <name>SqlContext</name>
    <message>
        <source>That value exists already (%1).</source>
        <translation>该值已存在（%1）。</translation>
    </message>
    <message>
        <source>The database is busy with another desk&apos;s change; please try again. (%1)</source>
        <translation>数据库正在处理其他窗口的更改，请稍后重试。（%1）</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>数据库错误：%1</translation>
    </message>
    <message>
        <source>The database returned no row.</source>
        <translation>数据库未返回任何数据。</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>The database is damaged (%1). Stop working on it and restore it from a backup; ask the administrator.</source>
        <translation>数据库已损坏（%1）。请停止使用该数据库，从备份中恢复，并联系管理员。</translation>
    </message>
    <message>
        <source>The database could not be read or written: the disk is full or failing (%1). Ask the administrator.</source>
        <translation>无法读写数据库：磁盘已满或出现故障（%1）。请联系管理员。</translation>
    </message>
    <message>
        <source>The database may only be read here; nothing was saved (%1).</source>
        <translation>本机只能读取该数据库，未保存任何内容（%1）。</translation>
    </message>
    <message>
        <source>Database error: the statement does not take %1 values: %2</source>
        <translation>数据库错误：该语句不接受 %1 个值：%2</translation>
    </message>
</context>
<context>
    <name>SqlCrisisRepository</name>
    <message>
        <source>Crisis %1 does not exist.</source>
        <translation>危机处置 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>SqlDrillResultRepository</name>
    <message>
        <source>Drill result %1 does not exist.</source>
        <translation>演练记录 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>SqlFollowUpRepository</name>
    <message>
        <source>The appeal does not exist.</source>
        <translation>该申诉不存在。</translation>
    </message>
</context>
<context>
    <name>SqlImportWriter</name>
    <message>
        <source>Imported from a file.</source>
        <translation>从文件导入。</translation>
    </message>
</context>
<context>
    <name>SqlImprovementRepository</name>
    <message>
        <source>Improvement action %1 does not exist.</source>
        <translation>整改事项 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>SqlMetricsDaily</name>
    <message>
        <source>The daily figures of %1 do not match its cases and queue visits.</source>
        <translation>%1 的每日统计数据与当天的案件和排队记录不一致。</translation>
    </message>
    <message>
        <source>The daily figures do not match the cases; `qingting-cli verify` names the days.</source>
        <translation>每日统计数据与案件不一致；`qingting-cli verify` 会列出具体日期。</translation>
    </message>
</context>
<context>
    <name>SqlReferenceRepository</name>
    <message>
        <source>The record %1 no longer exists.</source>
        <translation>记录 %1 已不存在。</translation>
    </message>
</context>
<context>
    <name>SqlReplyRuleRepository</name>
    <message>
        <source>The reply rule %1 no longer exists.</source>
        <translation>答复规则 %1 已不存在。</translation>
    </message>
    <message>
        <source>Someone else changed this reply rule in the meantime. Reload it and try again.</source>
        <translation>该答复规则在此期间已被他人修改。请重新加载后再试。</translation>
    </message>
</context>
<context>
    <name>SqlScriptRepository</name>
    <message>
        <source>The script %1 has an unknown step &quot;%2&quot;.</source>
        <translation>话术 %1 的步骤“%2”无法识别。</translation>
    </message>
    <message>
        <source>The script %1 no longer exists.</source>
        <translation>话术 %1 已不存在。</translation>
    </message>
    <message>
        <source>Someone else changed the script &quot;%1&quot; meanwhile. Load it again and repeat your change.</source>
        <translation>话术“%1”在此期间已被他人修改。请重新加载后再次修改。</translation>
    </message>
</context>
<context>
    <name>SqlTrainingRepository</name>
    <message>
        <source>Training case %1 does not exist.</source>
        <translation>培训案例 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>SqlUnitOfWork</name>
    <message>
        <source>There is no transaction to commit.</source>
        <translation>没有可提交的事务。</translation>
    </message>
</context>
<context>
    <name>SqlUserRepository</name>
    <message>
        <source>There is no user %1.</source>
        <translation>用户 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>StaffReportDialog</name>
    <message>
        <source>Staff report</source>
        <translation>员工上报</translation>
    </message>
    <message>
        <source>Thank you for reporting a problem you noticed yourself. Reports help the hall improve; they are never used to blame the person who reports.</source>
        <translation>感谢您上报自己发现的问题。上报内容用于帮助大厅改进工作，绝不会用于追究上报人的责任。</translation>
    </message>
    <message>
        <source>&amp;What did you notice?</source>
        <translation>您发现了什么问题(&amp;W)？</translation>
    </message>
    <message>
        <source>What would &amp;help?</source>
        <translation>怎样做会有帮助(&amp;H)？</translation>
    </message>
    <message>
        <source>Win&amp;dow:</source>
        <translation>窗口(&amp;D)：</translation>
    </message>
    <message>
        <source>Service &amp;item:</source>
        <translation>事项(&amp;I)：</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>类别(&amp;G)：</translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>&amp;Send report</source>
        <translation>提交上报(&amp;S)</translation>
    </message>
    <message>
        <source>Send the report (Ctrl+Enter)</source>
        <translation>提交上报（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Describe what you noticed, in a sentence or two.</source>
        <translation>请用一两句话描述您发现的问题。</translation>
    </message>
</context>
<context>
    <name>StatementChecker</name>
    <message>
        <source>Write the statement first.</source>
        <translation>请先撰写回应内容。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2)</source>
        <translation>“%1”（%2）</translation>
    </message>
    <message>
        <source>The statement contains personal data: %1. A public statement names no person and gives no personal detail; remove it before publishing.</source>
        <translation>回应中含有个人信息：%1。公开回应不点名任何人、不透露个人细节；请删除后再发布。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Fill in the placeholders %1 before publishing.</source>
        <translation>发布前请填写占位符 %1。</translation>
    </message>
    <message>
        <source>The reply checker objects to %1. Rephrase it before publishing.</source>
        <translation>答复检查对 %1 提出异议，请修改后再发布。</translation>
    </message>
</context>
<context>
    <name>StatementKind</name>
    <message>
        <source>Holding statement</source>
        <translation>初步回应</translation>
    </message>
    <message>
        <source>Public reply</source>
        <translation>公开答复</translation>
    </message>
</context>
<context>
    <name>SuperviseService</name>
    <message>
        <source>The reminder&apos;s note is too long (at most %1 characters).</source>
        <translation>催办备注过长（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>Case %1 was changed by someone else meanwhile; reopen it and try again.</source>
        <translation>案件 %1 在此期间已被他人修改，请重新打开该案件后再试。</translation>
    </message>
    <message>
        <source>Case %1 has no assignee to remind; assign it to someone first.</source>
        <translation>案件 %1 没有可催办的承办人；请先指派承办人。</translation>
    </message>
    <message>
        <source>A reminder is for a case that is overdue or nearly due; case %1 is not.</source>
        <translation>催办仅适用于已超期或即将到期的案件；案件 %1 不属于此类。</translation>
    </message>
</context>
<context>
    <name>SupervisionPanel</name>
    <message>
        <source>Send &amp;reminder…</source>
        <translation>催办(&amp;R)…</translation>
    </message>
    <message>
        <source>Remind the assignee of this overdue or nearly due case; each reminder raises its level</source>
        <translation>催办该已超期或即将到期案件的承办人；每催办一次，督办级别提升一级</translation>
    </message>
    <message>
        <source>Remind %1 of this case; each reminder raises its level</source>
        <translation>就该案件催办 %1；每催办一次，督办级别提升一级</translation>
    </message>
    <message>
        <source>The case has no assignee to remind.</source>
        <translation>该案件没有可催办的承办人。</translation>
    </message>
    <message>
        <source>A reminder is for a case that is overdue or nearly due.</source>
        <translation>催办仅适用于已超期或即将到期的案件。</translation>
    </message>
</context>
<context>
    <name>TrainingCaseDialog</name>
    <message>
        <source>Training case</source>
        <translation>培训案例</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Trainer&apos;s &amp;note:</source>
        <translation>培训师提示(&amp;N)：</translation>
    </message>
    <message>
        <source>Emotion:</source>
        <translation>情绪：</translation>
    </message>
    <message>
        <source>The citizen &amp;says:</source>
        <translation>市民说(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Model answer:</source>
        <translation>参考答案(&amp;M)：</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>rated %1/5</source>
        <translation>满意度 %1/5</translation>
    </message>
</context>
<context>
    <name>TrainingLibraryWidget</name>
    <message>
        <source>&amp;New from closed cases…</source>
        <translation>从已结案件生成(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>核实结果</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>环节数</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n training case(s)</source>
        <translation>
            <numerusform>共 %n 个培训案例</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a training case in the library first.</source>
        <translation>请先在案例库中选择一个培训案例。</translation>
    </message>
    <message>
        <source>Delete training cases</source>
        <translation>删除培训案例</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n training case(s)? Drill results already recorded stay.</source>
        <translation>
            <numerusform>确定删除 %n 个培训案例吗？已记录的演练成绩将保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the training cases to export first.</source>
        <translation>请先选择要导出的培训案例。</translation>
    </message>
    <message>
        <source>Export training set</source>
        <translation>导出训练集</translation>
    </message>
    <message>
        <source>Training sets (*.json);;All files (*)</source>
        <translation>训练集 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The training set could not be written to %1: %2</source>
        <translation>无法将训练集写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n training case(s) exported to %1.</source>
        <translation>
            <numerusform>已将 %n 个培训案例导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import training set</source>
        <translation>导入训练集</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 is too large to be a training set.</source>
        <translation>文件 %1 过大，不可能是训练集。</translation>
    </message>
    <message numerus="yes">
        <source>%n training case(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 个培训案例。</numerusform>
        </translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>类别(&amp;A)：</translation>
    </message>
    <message>
        <source>Part of the title</source>
        <translation>标题中的文字</translation>
    </message>
    <message>
        <source>&amp;Title contains:</source>
        <translation>标题包含(&amp;T)：</translation>
    </message>
    <message>
        <source>No training case matches the filter.</source>
        <translation>没有符合筛选条件的培训案例。</translation>
    </message>
    <message>
        <source>The library is empty: build a training case with “New from closed cases…” or import a training set.</source>
        <translation>案例库为空：请用“从已结案件生成…”创建培训案例，或导入培训案例集。</translation>
    </message>
</context>
<context>
    <name>TrainingService</name>
    <message>
        <source>the citizen&apos;s address</source>
        <translation>市民的地址</translation>
    </message>
    <message>
        <source>the citizen&apos;s name</source>
        <translation>市民的姓名</translation>
    </message>
    <message>
        <source>a staff member&apos;s name</source>
        <translation>工作人员的姓名</translation>
    </message>
    <message>
        <source>a known phone or ID number</source>
        <translation>已登记的电话号码或身份证号</translation>
    </message>
    <message>
        <source>Not saved: the field &quot;%1&quot; still contains %2. Remove it and save again.</source>
        <translation>未保存：字段“%1”中仍含有%2。请删除后重新保存。</translation>
    </message>
    <message>
        <source>Not saved: the field &quot;%1&quot; contains personal data (%2). Remove it and try again.</source>
        <translation>未保存：字段“%1”含有个人信息（%2）。请删除后重试。</translation>
    </message>
    <message>
        <source>The lowest rating must not be above the highest.</source>
        <translation>满意度下限不能高于上限。</translation>
    </message>
    <message>
        <source>(not shown: personal data could not be masked)</source>
        <translation>（未显示：其中的个人信息无法脱敏）</translation>
    </message>
    <message>
        <source>Case %1 does not exist.</source>
        <translation>案件 %1 不存在。</translation>
    </message>
    <message>
        <source>Case %1 is not closed: only closed cases become training cases.</source>
        <translation>案件 %1 尚未关闭：只有已关闭的案件才能生成培训案例。</translation>
    </message>
    <message>
        <source>A training case was built from case %1 already.</source>
        <translation>已从案件 %1 生成过培训案例。</translation>
    </message>
    <message>
        <source>Training case</source>
        <translation>培训案例</translation>
    </message>
    <message>
        <source>The training case &quot;%1&quot; was changed by someone else after you opened it; reopen it to see the changes, then try again.</source>
        <translation>您打开培训案例“%1”后，该案例已被他人修改；请重新打开查看修改内容后再试。</translation>
    </message>
    <message>
        <source>A training case needs a title.</source>
        <translation>请填写培训案例的标题。</translation>
    </message>
    <message>
        <source>The title is longer than %1 characters.</source>
        <translation>标题超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>The citizen&apos;s words of the stage &quot;%1&quot; are empty.</source>
        <translation>环节“%1”的市民原话为空。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is longer than %2 characters.</source>
        <translation>字段“%1”超过 %2 个字符，请精简。</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>trainer&apos;s note</source>
        <translation>培训师提示</translation>
    </message>
    <message>
        <source>%1: the citizen&apos;s words</source>
        <translation>%1：市民原话</translation>
    </message>
    <message>
        <source>%1: the model answer</source>
        <translation>%1：参考答案</translation>
    </message>
    <message>
        <source>Choose at least one training case to export.</source>
        <translation>请至少选择一个要导出的培训案例。</translation>
    </message>
    <message>
        <source>The training set holds no cases.</source>
        <translation>该训练集不含任何案例。</translation>
    </message>
    <message>
        <source>case %1, %2</source>
        <translation>第 %1 个案例的%2</translation>
    </message>
    <message>
        <source>The training set was not imported: %1</source>
        <translation>未导入训练集：%1</translation>
    </message>
    <message>
        <source>The closed-from date must not be after the closed-to date.</source>
        <translation>结案起始日期不能晚于结束日期。</translation>
    </message>
    <message>
        <source>Unknown risk level “%1” (expected low, medium or high).</source>
        <translation>未知的风险等级“%1”（应为 low、medium 或 high）。</translation>
    </message>
</context>
<context>
    <name>TrainingSet</name>
    <message>
        <source>The file is not a training set: it is not valid JSON (%1 at byte %2).</source>
        <translation>该文件不是训练集：不是有效的 JSON（%1，位于第 %2 字节）。</translation>
    </message>
    <message>
        <source>The file is not a training set: it holds no JSON object.</source>
        <translation>该文件不是训练集：不含 JSON 对象。</translation>
    </message>
    <message>
        <source>The file is not a training set: its &quot;format&quot; is not &quot;%1&quot;.</source>
        <translation>该文件不是训练集：其“format”不是“%1”。</translation>
    </message>
    <message>
        <source>The training set&apos;s &quot;version&quot; must be a whole number from 1.</source>
        <translation>训练集的“version”必须是大于或等于 1 的整数。</translation>
    </message>
    <message>
        <source>The training set has version %1; this program reads version %2 and older. Update the program to import it.</source>
        <translation>该训练集的版本为 %1，本程序只能读取 %2 及以下版本。请更新程序后再导入。</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>trainer&apos;s note</source>
        <translation>培训师提示</translation>
    </message>
    <message>
        <source>%1: the citizen&apos;s words</source>
        <translation>%1：市民原话</translation>
    </message>
    <message>
        <source>%1: the model answer</source>
        <translation>%1：参考答案</translation>
    </message>
    <message>
        <source>timeline entry %1</source>
        <translation>办理记录第 %1 条</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>&amp;Department:</source>
        <translation>责任部门(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reason for the transfer (required):</source>
        <translation>转办理由（必填）(&amp;R)：</translation>
    </message>
    <message>
        <source>Why this department must handle the case</source>
        <translation>该案件应由此部门办理的原因</translation>
    </message>
    <message>
        <source>Choose a department</source>
        <translation>请选择责任部门</translation>
    </message>
    <message>
        <source>Transfer — %1</source>
        <translation>转办 — %1</translation>
    </message>
    <message>
        <source>Transfer case %1 to the department that must handle it. The department signs for it or returns it with its reason; until then the case cannot be passed on. Every transfer is counted: a case transferred too often is shown to the supervisors.</source>
        <translation>将案件 %1 转办至应办理的责任部门。该部门签收，或说明理由后退回；在此之前案件不能再次转办。每次转办均计入次数：转办次数过多的案件将提示值班主任。</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>转办(&amp;T)</translation>
    </message>
</context>
<context>
    <name>TransferFiguresDialog</name>
    <message>
        <source>Transfers per receiving department:</source>
        <translation>各接收部门转办情况：</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>转办次数</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Awaiting</source>
        <translation>待签收</translation>
    </message>
    <message>
        <source>Average time to sign</source>
        <translation>平均签收用时</translation>
    </message>
    <message>
        <source>Longest</source>
        <translation>最长用时</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转办状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Extensions awaiting a decision:</source>
        <translation>待审批的延期申请：</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>原时限</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>新时限</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Transfers and extensions</source>
        <translation>转办与延期</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>Cases transferred more than %n time(s), flagged to the supervisors:</source>
        <translation>
            <numerusform>转办超过 %n 次、已提示值班主任的案件：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransferPanel</name>
    <message>
        <source>Transfers and extensions</source>
        <translation>转办与延期</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>转办时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>转出部门</translation>
    </message>
    <message>
        <source>To</source>
        <translation>转入部门</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Sign for or &amp;return…</source>
        <translation>签收或退回(&amp;R)…</translation>
    </message>
    <message>
        <source>Request e&amp;xtension…</source>
        <translation>申请延期(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Decide extension…</source>
        <translation>审批延期(&amp;D)…</translation>
    </message>
    <message>
        <source>Transfer &amp;figures…</source>
        <translation>转办统计(&amp;F)…</translation>
    </message>
    <message numerus="yes">
        <source>Transferred %n time(s).</source>
        <translation>
            <numerusform>已转办 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not transferred.</source>
        <translation>未转办。</translation>
    </message>
    <message>
        <source>Awaiting sign-for by %1 since %2.</source>
        <translation>自 %2 起待 %1 签收。</translation>
    </message>
    <message>
        <source>Awaiting sign-for by %1.</source>
        <translation>待 %1 签收。</translation>
    </message>
    <message>
        <source>Signed for by %1.</source>
        <translation>%1 已签收。</translation>
    </message>
    <message>
        <source>Returned to %1: it must handle the case or transfer it with a better reason.</source>
        <translation>已退回 %1：须由其办理，或以更充分的理由重新转办。</translation>
    </message>
    <message numerus="yes">
        <source>Transferred %n time(s) in all.</source>
        <translation>
            <numerusform>共转办 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Extension to %1 asked for by %2, awaiting a supervisor&apos;s decision.</source>
        <translation>%2 申请延期至 %1，待值班主任审批。</translation>
    </message>
    <message>
        <source>Deadline extended to %1.</source>
        <translation>办理时限已延至 %1。</translation>
    </message>
    <message>
        <source>Extension refused: %1</source>
        <translation>延期申请已驳回：%1</translation>
    </message>
    <message>
        <source>%1 %2 by %3</source>
        <comment>outcome, time, who</comment>
        <translation>%3 于 %2 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>outcome: note</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TransferService</name>
    <message>
        <source>Case %1 awaits sign-for by %2: it cannot be passed on before that department signs for it or returns it.</source>
        <translation>案件 %1 正待 %2 签收：该部门签收或退回前，案件不能再次转办。</translation>
    </message>
    <message>
        <source>Say why the case goes to another department.</source>
        <translation>请说明案件转办至其他责任部门的原因。</translation>
    </message>
    <message>
        <source>The reason is longer than %1 characters.</source>
        <translation>理由超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>Choose the department that takes the case over.</source>
        <translation>请选择接办该案件的责任部门。</translation>
    </message>
    <message>
        <source>The case is already with that department.</source>
        <translation>该案件已在该责任部门办理。</translation>
    </message>
    <message>
        <source>The chosen department does not exist or is no longer active.</source>
        <translation>所选责任部门不存在或已停用。</translation>
    </message>
    <message>
        <source>Case %1 has no transfer awaiting sign-for.</source>
        <translation>案件 %1 没有待签收的转办。</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>备注超过 %1 个字符，请精简。</translation>
    </message>
    <message>
        <source>Say why the department returns the case.</source>
        <translation>请说明该部门退回案件的理由。</translation>
    </message>
</context>
<context>
    <name>TransferState</name>
    <message>
        <source>Not transferred</source>
        <translation>未转办</translation>
    </message>
    <message>
        <source>Awaiting sign-for</source>
        <translation>待签收</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>UserAdminWidget</name>
    <message>
        <source>Everyone works under an account of their own. Disabled accounts cannot log in; everything they did stays on record.</source>
        <translation>每个人都使用本人的账户工作。已停用的账户无法登录，其所有操作记录仍予保留。</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>更改角色(&amp;R)…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>重置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Added %1 as %2.</source>
        <translation>已添加用户 %1，角色为%2。</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>New role for %1:</source>
        <translation>%1 的新角色：</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 的角色已更改为%2。</translation>
    </message>
    <message>
        <source>The password of %1 was reset.</source>
        <translation>%1 的密码已重置。</translation>
    </message>
    <message>
        <source>%1 can log in again.</source>
        <translation>%1 已恢复登录权限。</translation>
    </message>
    <message>
        <source>%1 can no longer log in.</source>
        <translation>%1 已无法登录。</translation>
    </message>
</context>
<context>
    <name>UserService</name>
    <message>
        <source>A login has 2 to 32 letters, digits, dots, hyphens or underscores, and starts with a letter or digit.</source>
        <translation>登录名须由 2 至 32 个字母、数字、点、连字符或下划线组成，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>&quot;cli&quot; is reserved for the command-line tool.</source>
        <translation>“cli”已保留给命令行工具使用。</translation>
    </message>
    <message>
        <source>The password could not be hashed (out of memory).</source>
        <translation>无法生成密码哈希（内存不足）。</translation>
    </message>
    <message>
        <source>The name is longer than 100 characters.</source>
        <translation>姓名不能超过 100 个字符。</translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; exists already.</source>
        <translation>登录名“%1”已存在。</translation>
    </message>
    <message>
        <source>There is no user &quot;%1&quot;.</source>
        <translation>用户“%1”不存在。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the last active administrator.</source>
        <translation>“%1”是最后一个启用中的管理员。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>您不能停用自己的账户。</translation>
    </message>
    <message>
        <source>Only a logged-in user has a password to change.</source>
        <translation>只有已登录的用户才能修改密码。</translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Locked after repeated wrong passwords. Resetting the password unlocks the account at once.</source>
        <translation>因连续输错密码已被锁定。重置密码可立即解锁该账户。</translation>
    </message>
</context>
<context>
    <name>WorkCalendar</name>
    <message>
        <source>The number of working days must not be negative.</source>
        <translation>工作日天数不能为负数。</translation>
    </message>
    <message>
        <source>The holiday calendar has no entries for %1; an administrator must add that year first.</source>
        <translation>节假日日历中没有 %1 年的安排，请由管理员先添加该年度的节假日日历。</translation>
    </message>
    <message>
        <source>line %1: expected date,kind,name with kind holiday or workday</source>
        <translation>第 %1 行：格式应为 date,kind,name，其中 kind 为 holiday 或 workday</translation>
    </message>
    <message>
        <source>line %1: %2 appears twice</source>
        <translation>第 %1 行：%2 重复出现</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Qingting</source>
        <translation>倾听台</translation>
    </message>
    <message>
        <source>Complaint desk for government service halls</source>
        <translation>政务服务大厅投诉窗口系统</translation>
    </message>
    <message>
        <source>Work on this SQLite file.</source>
        <translation>使用此 SQLite 文件。</translation>
    </message>
    <message>
        <source>Work on this PostgreSQL database (postgresql://user:password@host:port/db).</source>
        <translation>使用此 PostgreSQL 数据库（postgresql://user:password@host:port/db）。</translation>
    </message>
    <message>
        <source>Qingting cannot start</source>
        <translation>倾听台无法启动</translation>
    </message>
</context>
</TS>
