-- Qingting schema: corrections to seeded response scripts (migration 0010), found by using the wizard.
-- A template an admin has changed since (version > 0, or another text) is left as the admin wrote it.
-- 服务态度：复述经过 put "工作人员" before {事实}, the clerk's own words of what happened, which rarely start with a
-- verb of the staff ("工作人员排队约一个半小时后……"); {事实} now stands alone, as in the general restatement.
UPDATE script_templates
   SET body = '{称呼}，我核对一下：您在{窗口}办理{事项}时，{事实}，让您感到不被尊重，您希望{诉求}。是这样吗？',
       version = version + 1, updated_at = 1796083200, updated_by = 'system'
 WHERE created_by = 'system' AND version = 0 AND step = 'restate'
   AND body = '{称呼}，我核对一下：{受理时间}您在{窗口}办理{事项}时，工作人员{事实}，让您感到不被尊重，您希望{诉求}。是这样吗？';
