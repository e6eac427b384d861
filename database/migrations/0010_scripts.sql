-- Qingting schema: the response-script library (话术库, issue 11). One row per template: the step of the conversation
-- it serves, the category it suits (NULL = every category) and the emotion level it suits (NULL = every level),
-- a short title and the Chinese text with placeholders such as {称呼} and {承诺时间} (app/core/scripts/ScriptTemplate).
-- Templates are retired (active = 0), never deleted, so that what a clerk was offered stays on record; version
-- rises with every change (optimistic locking between desks). created_by/updated_by are logins ('system' = seeded).
CREATE TABLE script_templates (
    id          {{ID}},
    step        TEXT NOT NULL CHECK (step IN ('acknowledge', 'restate', 'impact', 'steps', 'result', 'public_reply')),
    category_id BIGINT REFERENCES categories (id),
    emotion     TEXT CHECK (emotion IS NULL OR emotion IN ('calm', 'dissatisfied', 'agitated', 'angry')),
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    body        TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 2000),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0),
    created_at  BIGINT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  BIGINT NOT NULL,
    updated_by  TEXT NOT NULL,
    CHECK (updated_at >= created_at)
);
CREATE INDEX script_templates_step ON script_templates (step, category_id);

-- The seed: written as a clerk of a 政务服务大厅 speaks (seeds 000 and 004): thanks and empathy first, the facts
-- restated for the citizen to confirm, the impact asked, concrete steps with a promised time, the result with thanks;
-- public replies show empathy, keep personal details out and move the conversation to a private channel.
-- Category templates are inserted only where the hall still has that top-level category of migration 0001.

INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('acknowledge', NULL, 'calm', '平静：致谢倾听',
        '{称呼}您好，感谢您专门来反映{事项}的情况。您慢慢说，我把您说的每一点都记下来，咱们一起把事情理清楚。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('acknowledge', NULL, 'dissatisfied', '不满：致歉并接住',
        '{称呼}，让您跑这一趟还带着不愉快，真的很抱歉。您的不满我听到了，您反映的问题对我们改进工作很重要，我现在就专门为您记录。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('acknowledge', NULL, 'agitated', '激动：先安顿情绪',
        '{称呼}，您先别着急，我能感受到这件事让您很着急、很上火，换成是我也会不舒服。您先坐下喝口水，我就在这儿，您说的每一句我都认真听、认真记。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('acknowledge', NULL, 'angry', '愤怒：诚恳道歉并负责到底',
        '{称呼}，这件事给您带来这么大的困扰，我非常理解您现在的心情，先向您诚恳地道个歉。您的意见我们非常重视，今天由我负责跟进，请您把情况告诉我，我们一起把问题解决。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('acknowledge', NULL, 'angry', '愤怒：认同感受',
        '{称呼}，让您等了这么久、跑了这么多趟，换谁都会生气，您的心情我完全理解。我先代表{大厅}向您道歉。请您给我几分钟，我把情况记清楚，接着就联系{部门}一起处理。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('acknowledge', NULL, NULL, '通用：感谢信任',
        '{称呼}，谢谢您愿意把这些告诉我们。您的情况我记下了，咱们一步一步来：先把事情经过说清楚，再商量怎么解决，好吗？',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('restate', NULL, NULL, '通用：核对事实和诉求',
        '{称呼}，我跟您核对一下：您反映的是{事实}，您希望{诉求}。我理解得对吗？有遗漏或者不准确的地方，请您随时纠正。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('restate', NULL, NULL, '通用：按时间地点复述',
        '为了不漏掉您说的情况，我复述一遍：{受理时间}您在{窗口}办理{事项}时，{事实}。是这样吗？',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('impact', NULL, NULL, '通用：确认影响',
        '{称呼}，这件事对您的影响主要是{影响}，对吗？除了这些，还有没有给您带来其他不便，比如耽误了别的事情、需要再跑一趟？您都可以告诉我，我们一并考虑。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('impact', NULL, NULL, '通用：首次还是反复发生',
        '我想再确认一下：这个情况是您第一次遇到，还是之前也发生过？身边有没有其他办事群众遇到同样的问题？这能帮我们判断是不是需要从流程上整改。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('impact', NULL, NULL, '通用：涉及多人的共性问题',
        '{称呼}，您提到其他办事群众也遇到了同样的问题，这对我们很重要。您能说说大概涉及多少人、从什么时候开始的吗？我们会把它作为共性问题，交给{部门}从流程上整改。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('steps', NULL, NULL, '通用：说明步骤和时间',
        '{称呼}，接下来我们这样处理：{步骤}。您的诉求已经登记，编号是{案件编号}，由{部门}负责办理，我们会在{承诺时间}前给您答复。期间您有任何疑问，可以拨打{电话}，报上编号就能查到进度。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('steps', NULL, NULL, '通用：当场办结',
        '{称呼}，您这个问题我们现在就可以当场处理：{步骤}。办完后我再跟您确认一遍，看看还有没有其他需要帮忙的地方。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('result', NULL, NULL, '通用：告知结果并回访',
        '{称呼}您好，我是{大厅}的工作人员。您{受理时间}反映的{事项}问题（编号{案件编号}），现在有了处理结果：{处理结果}。感谢您耐心等待，请问您对这个结果还满意吗？还有没有需要我们帮忙的地方？',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('result', NULL, NULL, '通用：致谢监督',
        '{称呼}您好，关于您反映的问题，{部门}已经核实并处理：{处理结果}。给您添麻烦了，也谢谢您的监督，您的意见让我们发现了工作中的不足。后续如有问题，欢迎随时拨打{电话}。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('result', NULL, NULL, '通用：核实后需要再解释',
        '{称呼}您好，关于您反映的问题，我们认真做了核实：{处理结果}。有些地方之前可能没有跟您解释清楚，是我们沟通不到位。您如果还有疑问，欢迎拨打{电话}，我们当面或者电话再为您详细说明。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('public_reply', NULL, NULL, '通用：公开致歉并转私信',
        '您好，看到您的留言，对您在办事过程中遇到的不愉快，我们深表歉意，也感谢您的反馈。为保护您的个人信息，请您通过私信留下联系方式，或拨打{大厅}服务电话{电话}，我们的工作人员会专门与您联系，了解具体情况并跟进处理。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
VALUES ('public_reply', NULL, 'angry', '愤怒：公开回应给出联系时间',
        '您好，您的心情我们非常理解，遇到这样的事确实让人气愤，对给您带来的不好体验，我们诚恳道歉。为了具体了解情况，又不在公开场合透露您的个人信息，请您私信留下联系方式，或直接拨打{电话}，我们会在{承诺时间}前与您联系。',
        1, 0, 1795996800, 'system', 1795996800, 'system');
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'acknowledge', id, 'dissatisfied', '服务态度：致歉',
       '{称呼}，工作人员的态度让您感到不被尊重，这是我们的问题，我先向您道歉。来大厅办事本来就不容易，我们理应耐心、热情地为您服务。您把当时的情况跟我说说，我认真记录。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '服务态度' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'acknowledge', id, 'angry', '服务态度：愤怒时郑重道歉',
       '{称呼}，被那样对待，换作谁都会生气，您的感受我完全理解。我代表{大厅}向您郑重道歉。这件事我们会认真核实，请您告诉我当时的经过。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '服务态度' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'restate', id, NULL, '服务态度：复述经过',
       '{称呼}，我核对一下：{受理时间}您在{窗口}办理{事项}时，工作人员{事实}，让您感到不被尊重，您希望{诉求}。是这样吗？',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '服务态度' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'impact', id, NULL, '服务态度：事情办完没有',
       '{称呼}，工作人员的态度有没有影响到您今天要办的{事项}？事情办完了没有？如果还没办完，我现在就安排同事为您办理，不耽误您的事。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '服务态度' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'steps', id, NULL, '服务态度：核实、谈话、答复',
       '{称呼}，我们会这样处理：一是调取{窗口}当时的录音录像，核实经过；二是由{部门}与当事工作人员谈话，了解情况并加强服务规范培训；三是在{承诺时间}前把核实和处理情况告诉您。您今天要办的{事项}，我现在就请其他同事优先为您办理。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '服务态度' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'result', id, NULL, '服务态度：告知核实处理情况',
       '{称呼}您好，关于您反映的{窗口}工作人员服务态度问题（编号{案件编号}），我们调阅了当时的录音录像，并与相关工作人员谈了话，处理情况是：{处理结果}。再次向您表示歉意，也感谢您的监督。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '服务态度' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'public_reply', id, NULL, '服务态度：公开回复',
       '您好，对您在办事时没有得到耐心、礼貌的接待，我们深表歉意。文明服务是我们对每一位办事群众的承诺，您反映的情况我们会认真核实。请您私信告诉我们办事的时间和窗口，或拨打{电话}，我们会安排专人与您联系，并把处理情况反馈给您。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '服务态度' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'acknowledge', id, NULL, '等候时间：致歉',
       '{称呼}，让您等了这么久，真是对不起。您的时间很宝贵，排这么长的队确实让人着急。我先帮您看看现在的办理进度，再把您反映的情况记下来。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '办事效率/等候时间' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'restate', id, NULL, '等候时间：复述',
       '{称呼}，我跟您确认一下：您{受理时间}取号办理{事项}，前后等了很长时间还没办上，{事实}。您希望{诉求}，对吗？',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '办事效率/等候时间' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'impact', id, NULL, '等候时间：是否耽误安排',
       '{称呼}，这么长的等待是不是耽误了您上班或者别的安排？今天还有其他必须办完的事吗？您告诉我，我们看看能不能优先帮您安排，不让您白跑。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '办事效率/等候时间' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'steps', id, NULL, '等候时间：优先办理并分析原因',
       '{称呼}，您的{事项}我已经协调{窗口}为您优先办理，请您在旁边稍坐，叫到您时我陪您过去。关于等候时间过长的问题，我们会在{承诺时间}前分析当天的排队和窗口安排，把改进措施告诉您。编号{案件编号}，您可以随时拨打{电话}查询。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '办事效率/等候时间' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'result', id, NULL, '等候时间：告知改进措施',
       '{称呼}您好，您反映的{事项}等候时间过长的问题（编号{案件编号}），我们分析了当天的排队情况，处理措施是：{处理结果}。感谢您的意见，让您久等了，再次向您致歉。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '办事效率/等候时间' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'public_reply', id, NULL, '等候时间：公开回复',
       '您好，让您久等了，非常抱歉。高峰时段排队时间长的问题，我们会结合您反映的情况优化窗口安排。为了具体了解您当天的情况，请您私信留下联系方式或拨打{电话}，我们会安排专人与您联系。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '办事效率/等候时间' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'acknowledge', id, NULL, '流程繁琐：体谅辛苦',
       '{称呼}，为了办一件事来回跑、反复交材料，确实让人很疲惫，辛苦您了。谢谢您把这些告诉我们，流程上哪里不方便，正是我们最需要听到的。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '流程繁琐' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'restate', id, NULL, '流程繁琐：梳理经过',
       '{称呼}，我理一下您办{事项}的经过：{事实}。您觉得最不方便的是需要反复提交材料、多次往返，您希望{诉求}。我理解得对吗？',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '流程繁琐' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'impact', id, NULL, '流程繁琐：跑了几趟',
       '{称呼}，这个流程前后让您跑了几趟、花了多长时间？有没有因此耽误办理期限或者多花了费用？我都记下来，一并反映给{部门}。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '流程繁琐' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'steps', id, NULL, '流程繁琐：一次讲清并转部门梳理',
       '{称呼}，我们这样处理：先由我帮您把{事项}还缺的材料一次性列清楚，能在大厅内部调取或者共享的，我们帮您调取，不再让您另外跑；关于流程繁琐的问题，我们会转给{部门}梳理，在{承诺时间}前把能否简化、怎么简化告诉您。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '流程繁琐' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'result', id, NULL, '流程繁琐：告知梳理结果',
       '{称呼}您好，您反映的{事项}办理流程繁琐的问题，{部门}进行了梳理，结果是：{处理结果}。谢谢您的建议，这对我们优化流程很有帮助。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '流程繁琐' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'acknowledge', id, NULL, '政策解释：承担没讲清',
       '{称呼}，政策条文确实不好懂，之前没有给您讲清楚，是我们的工作没做到位。您哪里有疑问都可以问，我一条一条给您讲明白。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '政策解释' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'restate', id, NULL, '政策解释：确认疑问',
       '{称呼}，我确认一下：您关心的是{事项}的相关政策，您的疑问是{事实}，您希望{诉求}。是这样吗？',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '政策解释' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'impact', id, NULL, '政策解释：是否因此耽误',
       '{称呼}，因为政策没讲清楚，您是不是准备了不需要的材料，或者错过了办理时间？您告诉我具体耽误了什么，我们一起看看怎么为您补救。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '政策解释' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'steps', id, NULL, '政策解释：书面说明并限时答复',
       '{称呼}，您问的这项政策，我先把适用条件和需要准备的材料写给您。个别需要{部门}进一步确认的地方，我们会在{承诺时间}前电话答复您，到时也可以把书面说明发给您。您有新的疑问，随时拨打{电话}。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '政策解释' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'result', id, NULL, '政策解释：告知部门答复',
       '{称呼}您好，关于您咨询的{事项}政策，{部门}的答复是：{处理结果}。如果您对具体办理还有不清楚的地方，可以直接到{大厅}{窗口}，我们当面为您讲解并协助办理。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '政策解释' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'public_reply', id, NULL, '政策解释：公开回复',
       '您好，感谢您的留言。政策理解上的疑问，我们很愿意为您详细解答。由于每个人的情况不同，为了给您准确的答复，请您私信告诉我们联系方式和想办理的事项，或拨打{电话}咨询，我们会安排专人为您解答。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '政策解释' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'acknowledge', id, NULL, '系统故障：不是您的原因',
       '{称呼}，真不好意思，是我们的系统出了问题，让您白等了这么久。这不是您的原因，给您添麻烦了。我先把您的情况登记下来，系统恢复后优先为您办理。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '系统故障' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'restate', id, NULL, '系统故障：复述',
       '{称呼}，我确认一下：{受理时间}您在{窗口}办理{事项}时，系统出现了{事实}，导致没能办成，您希望{诉求}。对吗？',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '系统故障' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'impact', id, NULL, '系统故障：是否影响期限',
       '{称呼}，这次系统故障有没有影响到您的办理期限，比如证件到期、需要在某个日期前交材料？如果有，请告诉我具体日期，我们会优先考虑，避免给您造成损失。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '系统故障' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'steps', id, NULL, '系统故障：登记、优先办理、约定方式',
       '{称呼}，系统恢复前，我们先为您做好登记，编号{案件编号}。系统恢复后由{窗口}优先为您办理，不用重新取号；如果您不方便再来，我们会在{承诺时间}前电话联系您，和您约定办理方式。给您带来的不便，再次说声抱歉。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '系统故障' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'result', id, NULL, '系统故障：恢复后通知',
       '{称呼}您好，之前因系统故障没能办成的{事项}，系统现已恢复。您可以直接到{窗口}办理，不用重新取号，工作人员会优先为您办理。给您添麻烦了，谢谢您的耐心。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '系统故障' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'public_reply', id, NULL, '系统故障：公开回复',
       '您好，今天的系统故障给您办事带来了不便，我们深表歉意。技术人员正在抓紧排查处理，已在现场登记的群众，系统恢复后可优先办理。您的具体情况请私信我们或拨打{电话}，我们会专门跟进。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '系统故障' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'acknowledge', id, NULL, '环境设施：感谢提醒',
       '{称呼}，谢谢您提醒我们。大厅的环境和设施直接影响大家办事的感受，您说的情况我现在就记下来。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '环境设施' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'restate', id, NULL, '环境设施：复述',
       '{称呼}，我确认一下：您反映的是大厅{事实}，给您和其他办事群众带来了不便，您希望{诉求}。对吗？',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '环境设施' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'impact', id, NULL, '环境设施：先问安全',
       '{称呼}，这个设施问题有没有让您或者其他人受伤、身体不舒服？如果有，请告诉我，我们先处理安全问题。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '环境设施' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'steps', id, NULL, '环境设施：现场查看并回复进度',
       '{称呼}，您反映的设施问题，我们已经通知{部门}到现场查看，能当场修好的当场处理，需要维修或者更换的，会在{承诺时间}前告诉您处理进度。在此之前，我们会在现场做好提示，安排工作人员引导。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '环境设施' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'result', id, NULL, '环境设施：告知处理',
       '{称呼}您好，您反映的大厅{事实}问题已经处理：{处理结果}。谢谢您的提醒，欢迎您继续监督我们的工作。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '环境设施' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'public_reply', id, NULL, '环境设施：公开回复',
       '您好，感谢您对大厅环境设施的关注和提醒，给您带来不便，我们很抱歉。您反映的问题已转交相关部门现场查看。方便的话，请私信告诉我们具体位置和时间，便于我们核实处理，处理进展也会告诉您。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '环境设施' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'acknowledge', id, NULL, '收费：理解在意',
       '{称呼}，涉及费用的问题大家都很在意，您有疑问是完全应该的。谢谢您告诉我们，我来帮您把每一笔费用核对清楚。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '收费' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'restate', id, NULL, '收费：核对费用',
       '{称呼}，我核对一下：您办理{事项}时，被收取了{事实}，您认为这笔费用不合理，希望{诉求}。是这样吗？请您把缴费凭证给我看一下，方便我们核对。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '收费' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'impact', id, NULL, '收费：金额和影响',
       '{称呼}，这笔费用大概是多少？是已经交了，还是被要求交？有没有因为这个没能继续办理{事项}？我都记下来，核对时一并说明。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '收费' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'steps', id, NULL, '收费：逐项核对并说明退费',
       '{称呼}，我们这样处理：先由{部门}对照收费标准逐项核对您这笔费用，在{承诺时间}前把核对结果告诉您；如果确实多收或者不该收，会为您办理退费，并告诉您退费的时间和方式。编号{案件编号}，您可以随时拨打{电话}查询。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '收费' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'result', id, NULL, '收费：告知核对结果',
       '{称呼}您好，关于您反映的{事项}收费问题（编号{案件编号}），{部门}已经逐项核对，结果是：{处理结果}。给您带来的困扰，我们很抱歉，也谢谢您的细心，帮助我们规范收费工作。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '收费' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'public_reply', id, NULL, '收费：公开回复',
       '您好，感谢您的反馈。收费问题关系到每一位办事群众的切身利益，您反映的情况我们会对照收费标准认真核实。为保护您的缴费信息，请您通过私信或拨打{电话}与我们联系，我们会把核实结果单独告诉您。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '收费' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'acknowledge', id, NULL, '其他：认真对待',
       '{称呼}，感谢您把这件事告诉我们。只要是影响您办事的问题，我们都会认真对待。您慢慢说，我仔细记。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '其他' AND parent_id IS NULL ORDER BY id LIMIT 1;
INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, created_by, updated_at, updated_by)
SELECT 'steps', id, NULL, '其他：由我们牵头联系',
       '{称呼}，您反映的情况我已经登记，编号{案件编号}。我们先弄清楚由哪个部门负责，由我们牵头联系{部门}，不用您再去别处反映，在{承诺时间}前告诉您处理进展。',
       1, 0, 1795996800, 'system', 1795996800, 'system'
  FROM categories WHERE name = '其他' AND parent_id IS NULL ORDER BY id LIMIT 1;
