import { fill, type Locale, type LocalText } from './locale'

/**
 * Every sentence the server says to a person. Keys are stable; the wording may change.
 * Each sentence says what went wrong and, where there is one, what to do about it.
 */
export const MESSAGES = {
  // requests
  'request.parse': {
    'zh-CN': '请求内容不是有效的 JSON，请检查后重试。',
    en: 'The request body is not valid JSON; check it and try again.',
  },
  'request.notFound': {
    'zh-CN': '没有名为 {path} 的接口，请检查地址。',
    en: 'There is no procedure called {path}; check the address.',
  },
  'request.tooLarge': {
    'zh-CN': '请求内容太大（一般最多 64 KB，导入房源最多 2 MB），请精简或分批发送。',
    en: 'The request is too large (64 KB for most calls, 2 MB for a unit import); send less or in parts.',
  },
  'request.method': {
    'zh-CN': '{path} 不支持这种请求方式：查询用 GET，修改用 POST。',
    en: '{path} does not accept this method: queries use GET, mutations POST.',
  },
  'request.invalid': {
    'zh-CN': '请求内容有误，请检查后重试。',
    en: 'The request is not valid; check it and try again.',
  },
  'request.notFoundPage': { 'zh-CN': '没有这个页面。', en: 'There is no such page.' },
  'request.badAddress': {
    'zh-CN': '请求地址里有无法识别的字符，请检查地址。',
    en: 'The request address has characters that cannot be read; check the address.',
  },
  'request.urlTooLong': {
    'zh-CN': '请求地址或请求头太长，请精简后重试。',
    en: 'The request address or headers are too long; send less and try again.',
  },
  'request.tooDeep': {
    'zh-CN': '请求内容嵌套层数过多，请检查后重试。',
    en: 'The request is nested too deeply; check it and try again.',
  },
  'request.batchTooLarge': {
    'zh-CN': '一次最多只能发送 {max} 个请求，请分批发送。',
    en: 'A batch may carry at most {max} calls; send them in smaller batches.',
  },
  'request.crossSite': {
    'zh-CN': '这个请求来自其他网站，已被拒绝。请直接在本系统的页面上操作。',
    en: 'This request came from another website and was refused; use this system’s own pages.',
  },
  'server.internal': {
    'zh-CN': '服务器出了点问题，请稍后再试；如果一再出现，请联系管理员。',
    en: 'Something went wrong on the server; try again shortly, and tell an administrator if it keeps happening.',
  },
  // who is who
  'auth.invalidCredentials': {
    'zh-CN': '用户名或密码不正确，请重新输入。',
    en: 'The username or password is wrong; try again.',
  },
  'auth.tooManyAttempts': {
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试。',
    en: 'Too many failed sign-ins; try again in {minutes} minutes.',
  },
  'auth.required': { 'zh-CN': '请先登录。', en: 'Please sign in first.' },
  'auth.sessionExpired': {
    'zh-CN': '登录已失效，请重新登录。',
    en: 'Your session has ended; please sign in again.',
  },
  'auth.deviceUnknown': {
    'zh-CN': '这台设备未配对或已被撤销，请让经理重新配对。',
    en: 'This device is not paired or was revoked; ask a manager to pair it again.',
  },
  'auth.forbiddenRole': {
    'zh-CN': '你的角色无权进行此操作。',
    en: 'Your role is not allowed to do this.',
  },
  'auth.forbiddenProject': {
    'zh-CN': '你不属于这个项目，无权查看或修改其中的数据。',
    en: 'You are not a member of this project, so you cannot see or change its data.',
  },
  'auth.wrongCurrentPassword': {
    'zh-CN': '当前密码不正确，密码未修改。',
    en: 'The current password is wrong; the password was not changed.',
  },
  'auth.samePassword': {
    'zh-CN': '新密码不能与当前密码相同。',
    en: 'The new password must differ from the current one.',
  },
  // staff
  'staff.usernameTaken': {
    'zh-CN': '用户名 {username} 已被使用，请换一个。',
    en: 'The username {username} is taken; choose another.',
  },
  'staff.notFound': { 'zh-CN': '找不到这名员工。', en: 'No such staff member.' },
  'staff.cannotManage': {
    'zh-CN': '你不能创建或管理角色为“{role}”的员工，请联系销售总监。',
    en: 'You cannot create or manage staff with the role "{role}"; ask a director.',
  },
  'staff.cannotDeactivateSelf': {
    'zh-CN': '不能停用自己的账号。',
    en: 'You cannot deactivate your own account.',
  },
  'staff.pinTaken': {
    'zh-CN': '这个 PIN 码已被同项目的其他顾问使用，请换一个。',
    en: 'Another consultant of the same project already uses this PIN; choose another.',
  },
  'staff.pinOnlyConsultant': {
    'zh-CN': '只有置业顾问需要 PIN 码。',
    en: 'Only consultants have a PIN.',
  },
  'staff.projectNotYours': {
    'zh-CN': '只能把员工分配到你自己所属的项目。',
    en: 'You can only assign staff to projects you belong to.',
  },
  // projects
  'project.codeTaken': {
    'zh-CN': '项目编码 {code} 已存在，请换一个。',
    en: 'The project code {code} exists already; choose another.',
  },
  'project.notFound': { 'zh-CN': '找不到这个项目。', en: 'No such project.' },
  'project.timeZone': {
    'zh-CN': '时区“{timeZone}”无法识别，请填写如 Asia/Shanghai 的时区名。',
    en: 'The time zone "{timeZone}" is not known; use a name such as Asia/Shanghai.',
  },
  'project.webhookPrivate': {
    'zh-CN':
      '通知地址不能指向本机或内网地址（如 localhost、127.0.0.1、192.168.x.x），请填写群机器人的公网地址。',
    en: 'The webhook URL may not point at this machine or a private network (localhost, 127.0.0.1, 192.168.x.x…); use the group robot’s public address.',
  },
  'project.channelDuplicate': {
    'zh-CN': '渠道“{channel}”重复了，请删去一个。',
    en: 'The channel "{channel}" is listed twice; remove one.',
  },
  // the customer book
  'customer.notFound': { 'zh-CN': '找不到这位客户。', en: 'No such customer.' },
  'customer.conflict': {
    'zh-CN': '这位客户由 {owner} 负责，仍在保护期内，不能登记为你的客户。已记为撞单，请等待经理处理。',
    en: 'This customer belongs to {owner} and is still protected, so you cannot register them as yours. It is recorded as a conflict for a manager to decide.',
  },
  'customer.inFuture': {
    'zh-CN': '发生时间不能晚于现在，请检查日期和时间。',
    en: 'When it happened cannot be later than now; check the date and time.',
  },
  'customer.notYours': {
    'zh-CN': '只有客户的归属顾问、经理或总监可以为这位客户记录跟进。',
    en: 'Only the customer’s owner, a manager or a director can log a follow-up for this customer.',
  },
  'customer.notYoursToRegister': {
    'zh-CN': '只有接待过这位客户的顾问、归属顾问、经理或总监可以填写来访登记。',
    en: 'Only the consultant who received this customer, their owner, a manager or a director can fill in the visit registration.',
  },
  'survey.notFound': { 'zh-CN': '找不到这份问卷。', en: 'No such questionnaire.' },
  'survey.period': {
    'zh-CN': '问卷的结束日期不能早于开始日期。',
    en: 'The questionnaire cannot end before it starts.',
  },
  'survey.closed': {
    'zh-CN': '这份问卷只在 {from} 至 {to} 期间填写。',
    en: 'This questionnaire is open from {from} to {to} only.',
  },
  'survey.otherProject': {
    'zh-CN': '这位客户不属于问卷所在的项目。',
    en: 'This customer is not of the questionnaire’s project.',
  },
  'survey.count': {
    'zh-CN': '问卷共有 {n} 题，请逐题作答（可跳过的题填空）。',
    en: 'The questionnaire has {n} questions; answer each (leave a skipped one empty).',
  },
  'survey.choice': {
    'zh-CN': '第 {question} 题的选项不在可选范围内，请重新选择。',
    en: 'The answer to question {question} is not one of its options; choose again.',
  },
  'survey.scale': {
    'zh-CN': '第 {question} 题的分值应在 {min} 到 {max} 之间。',
    en: 'The answer to question {question} must be between {min} and {max}.',
  },
  'survey.kind': {
    'zh-CN': '第 {question} 题的答案类型不对（单选填一个选项，多选填若干选项，评分填数字，问答填文字）。',
    en: 'The answer to question {question} has the wrong form (one option, several options, a number or text).',
  },
  'customer.teamScope': {
    'zh-CN': '只有经理和总监可以查看整个团队的客户。',
    en: 'Only managers and directors can see the whole team’s customers.',
  },
  'customer.consultantNotHere': {
    'zh-CN': '这位顾问不是本项目在职的置业顾问，请从名单中选择。',
    en: 'That person is not an active consultant of this project; pick one from the list.',
  },
  'customer.someNotFound': {
    'zh-CN': '有 {n} 位客户不在本项目中，一位也没有改派，请刷新后重试。',
    en: '{n} of the customers are not in this project, so none was reassigned; refresh and try again.',
  },
  'customer.conflictNotFound': { 'zh-CN': '找不到这条撞单记录。', en: 'No such conflict.' },
  'customer.conflictResolved': {
    'zh-CN': '这条撞单已经处理过了。',
    en: 'This conflict has already been resolved.',
  },
  'customer.conflictParty': {
    'zh-CN': '只能判给发起登记的顾问或原归属顾问。',
    en: 'The customer can only go to the consultant who registered them or to the owner.',
  },
  'customer.eraseInside': {
    'zh-CN': '这位客户正在案场接待或排队中，请在接待结束后再删除其资料。',
    en: 'This customer is being received or waiting right now; erase their data once the visit is over.',
  },
  'customer.notYoursToEdit': {
    'zh-CN': '只有客户的归属顾问、经理或总监可以修改这位客户的资料。',
    en: 'Only the customer’s owner, a manager or a director can change this customer’s record.',
  },
  'customer.phoneTaken': {
    'zh-CN': '号码 {phone} 已是本项目另一位客户的号码，一个号码只能属于一位客户。',
    en: 'The number {phone} already belongs to another customer of this project; a number belongs to one customer.',
  },
  'customer.erased': {
    'zh-CN': '这位客户的资料已按本人要求删除，不能再修改。',
    en: 'This customer’s data was erased at their request and cannot be changed.',
  },
  'channelReport.duplicate': {
    'zh-CN': '这个号码已有有效的报备（{until} 到期），不能重复报备。',
    en: 'This number already has a report that is still valid (until {until}); it cannot be reported twice.',
  },
  'channelReport.protected': {
    'zh-CN': '这个号码已是本项目保护期内的客户，不能报备。',
    en: 'This number is already a protected customer of the project and cannot be reported.',
  },
  'channelReport.fullNumberRequired': {
    'zh-CN': '本项目要求报备完整的 11 位手机号。',
    en: 'This project needs the whole 11-digit number in a report.',
  },
  'channelReport.notFound': { 'zh-CN': '找不到这条报备。', en: 'No such report.' },
  'channelReport.visitedBefore': {
    'zh-CN': '客户在报备之前已自行到访（到访为王），报备不计入渠道。',
    en: 'The customer had already visited on their own before the report (the visit wins); the report credits nothing.',
  },
  'staff.channelOneProject': {
    'zh-CN': '渠道账号只能属于一个项目，请为每个项目单独开设。',
    en: 'A channel partner’s account belongs to one project; open one per project.',
  },
  'staff.agencyRequired': {
    'zh-CN': '渠道账号需要填写所属渠道公司的名称。',
    en: 'A channel partner’s account needs the name of its agency.',
  },
  // spreadsheet imports
  'import.notFound': {
    'zh-CN': '找不到这次导入，可能已过期，请重新上传。',
    en: 'No such import; it may have expired. Upload the file again.',
  },
  'import.notYours': {
    'zh-CN': '这是别人发起的导入，只有发起人可以继续。',
    en: 'Someone else started this import; only they can carry it on.',
  },
  'import.tooLarge': {
    'zh-CN': '文件太大（最大 {mb} MB），请拆分后分批导入。',
    en: 'The file is too large (at most {mb} MB); split it and import it in parts.',
  },
  'import.chunkOrder': {
    'zh-CN': '上传中断了（第 {expected} 段缺失），请重新上传文件。',
    en: 'The upload was interrupted (part {expected} is missing); upload the file again.',
  },
  'import.incomplete': {
    'zh-CN': '文件还没有上传完整，请等待上传完成。',
    en: 'The file has not been uploaded completely yet; wait for the upload to finish.',
  },
  'import.notXlsx': {
    'zh-CN': '这个文件不是 Excel 表格（.xlsx），请用模板另存为 .xlsx 后再导入。',
    en: 'This file is not an Excel workbook (.xlsx); save it from the template as .xlsx and import again.',
  },
  'import.noPhoneColumn': {
    'zh-CN': '第一行没有找到“手机号”列，请使用导入模板的表头。',
    en: 'No “Phone” column in the first row; use the template’s headers.',
  },
  'import.empty': { 'zh-CN': '表格里没有客户数据。', en: 'The sheet holds no customers.' },
  'import.tooManyRows': {
    'zh-CN': '一次最多导入 {max} 行，请拆分后分批导入。',
    en: 'At most {max} rows can be imported at once; split the file.',
  },
  'import.notChecked': {
    'zh-CN': '导入还没有检查完成，请等检查结束后再确认。',
    en: 'The import has not finished checking; confirm once the check is done.',
  },
  'import.hasErrors': {
    'zh-CN': '有 {n} 行有错误，一行也没有导入。请改正后重新上传。',
    en: '{n} rows have errors, so nothing was imported. Correct them and upload again.',
  },
  'import.changed': {
    'zh-CN': '检查之后客户库里又新增了其中 {n} 个号码，一行也没有导入，请重新检查。',
    en: '{n} of the numbers were added to the book after the check, so nothing was imported; check again.',
  },
  'import.failed': {
    'zh-CN': '导入没有完成，一行也没有写入，请重试。',
    en: 'The import did not finish and nothing was written; try again.',
  },
  'import.busy': {
    'zh-CN': '你已有一个导入正在进行，请等它完成或取消后再开始新的导入。',
    en: 'You already have an import under way; let it finish or cancel it first.',
  },
  // devices
  'device.notFound': { 'zh-CN': '找不到这台设备。', en: 'No such device.' },
  'pairing.invalidCode': {
    'zh-CN': '配对码不正确或已过期，请在管理后台重新生成。',
    en: 'The pairing code is wrong or has expired; create a new one in the admin app.',
  },
  'pairing.wrongKind': {
    'zh-CN': '这个配对码是给{codeKind}的，不能用在{screenKind}上，请在管理后台为{screenKind}生成配对码。',
    en: 'This pairing code is for a {codeKind}, not a {screenKind}; create a code for a {screenKind} in the admin app.',
  },
  'pairing.tooManyAttempts': {
    'zh-CN': '配对码输错次数过多，请 {minutes} 分钟后再试。',
    en: 'Too many wrong pairing codes; try again in {minutes} minutes.',
  },
  // rotation
  'rotation.notSignedIn': {
    'zh-CN': '这位顾问今天还没有签到，请先签到。',
    en: 'This consultant has not signed in today; sign in first.',
  },
  'rotation.busyReceiving': {
    'zh-CN': '{name}正在接待客户，请先结束这次接待。',
    en: '{name} is receiving a customer; finish that reception first.',
  },
  'rotation.notOnBreak': { 'zh-CN': '{name}没有在暂离。', en: '{name} is not on a break.' },
  'rotation.receptionNotOpen': {
    'zh-CN': '这次接待已经结束或不存在，请刷新后再试。',
    en: 'This reception has ended or does not exist; refresh and try again.',
  },
  'rotation.notAvailable': {
    'zh-CN': '{name}现在不空闲，不能接手这次接待。',
    en: '{name} is not free and cannot take over this reception.',
  },
  'rotation.undoExpired': {
    'zh-CN': '已超过 {minutes} 分钟的撤销时限，请改用“重新分配”。',
    en: 'The {minutes}-minute undo window has passed; use "reassign" instead.',
  },
  'rotation.noOneToPassTo': {
    'zh-CN': '现在没有其他空闲的顾问可以接手，暂时不能记漏接。',
    en: 'No other consultant is free to take over, so the missed turn cannot be passed on yet.',
  },
  'rotation.waitingNotFound': {
    'zh-CN': '等候队列里没有这位访客，可能已被接待。',
    en: 'This visitor is no longer in the waiting line; they may have been served.',
  },
  'rotation.notYourReception': {
    'zh-CN': '只有正在接待的顾问本人可以结束这次接待。',
    en: 'Only the consultant receiving this visitor can finish the reception.',
  },
  'rotation.alreadyFinished': {
    'zh-CN': '这次接待已经结束，不能重复提交。',
    en: 'This reception has already been finished; it cannot be finished twice.',
  },
  'rotation.receptionMoved': {
    'zh-CN': '这位客户已由经理转给其他顾问接待，这次接待不需要再结束。',
    en: 'A manager moved this visitor to another consultant; this reception needs no finishing.',
  },
  'rotation.gradeRequired': {
    'zh-CN': '有效接待请选择客户等级（A/B/C/D）。',
    en: 'A valid reception needs a customer grade (A/B/C/D).',
  },
  'rotation.wrongPin': {
    'zh-CN': 'PIN 码不正确，请重新输入（连续输错 5 次将锁定 5 分钟）。',
    en: 'Wrong PIN; try again (5 wrong PINs in a row lock PIN entry for 5 minutes).',
  },
  'rotation.pinLocked': {
    'zh-CN': 'PIN 码连续输错次数过多，本机已锁定，请 {minutes} 分钟后再试。',
    en: 'Too many wrong PINs: PIN entry on this kiosk is locked; try again in {minutes} minutes.',
  },
  'rotation.pinRequired': {
    'zh-CN': '请在自助机上输入你的 PIN 码。',
    en: 'Enter your PIN on the kiosk.',
  },
  'rotation.notConsultant': {
    'zh-CN': '只有置业顾问参加轮序。',
    en: 'Only consultants take part in the rotation.',
  },
  'rotation.unknownChannel': {
    'zh-CN': '渠道“{channel}”不在本项目的渠道列表中，请从列表中选择。',
    en: 'The channel "{channel}" is not one of this project\'s channels; pick one from the list.',
  },
  'rotation.unknownBreakReason': {
    'zh-CN': '暂离原因只能是：午餐、洗手间、公务外出、接待其他客户、请假、私事。',
    en: 'The break reason must be one of: lunch, restroom, errand, customer, leave, private.',
  },
  'rotation.appealExists': {
    'zh-CN': '这次接待已经有一条待处理的申诉。',
    en: 'This reception already has an open appeal.',
  },
  'rotation.appealNotFound': { 'zh-CN': '找不到这条申诉。', en: 'No such appeal.' },
  'rotation.appealAnswered': {
    'zh-CN': '这条申诉已经处理过了。',
    en: 'This appeal has already been answered.',
  },
  'rotation.notYourAppeal': {
    'zh-CN': '只能就自己的接待提出申诉。',
    en: 'You can only appeal your own receptions.',
  },
  // from unit to money
  'unit.notFound': { 'zh-CN': '找不到这套房源。', en: 'No such unit.' },
  'unit.exists': {
    'zh-CN': '房源 {unit} 已经存在（楼栋、单元和房号相同），整批未导入；请删去重复的行后再试。',
    en: 'The unit {unit} already exists (same building, entrance and room); nothing was imported. Remove the repeated rows and try again.',
  },
  'unit.repeated': {
    'zh-CN': '第 {row} 条和第 {first} 条是同一套房源（{unit}），整批未导入。',
    en: 'Entries {first} and {row} are the same unit ({unit}); nothing was imported.',
  },
  'unit.notAvailable': {
    'zh-CN': '房源 {unit} 现在是「{status}」，不能认购；请在销控表上另选一套。',
    en: 'The unit {unit} is now “{status}” and cannot be subscribed; choose another on the grid.',
  },
  'unit.moveFrom': {
    'zh-CN': '房源现在是「{status}」，不能{action}；只有「{allowed}」的房源可以。',
    en: 'The unit is “{status}” and cannot be put to {action}; only a unit that is “{allowed}” can.',
  },
  'unit.moveRole': {
    'zh-CN': '只有经理或总监可以{action}房源。',
    en: 'Only a manager or a director can {action} a unit.',
  },
  'special.notFound': { 'zh-CN': '找不到这条特价申请。', en: 'No such special-price request.' },
  'special.notNeeded': {
    'zh-CN': '申请价格 {price} 不低于政策最低价 {quote}，无需特价审批，可直接认购。',
    en: 'The price asked, {price}, is not below the policy’s lowest, {quote}; no approval is needed to subscribe at it.',
  },
  'special.notPending': {
    'zh-CN': '这条特价申请已经处理过了（{status}）。',
    en: 'This special-price request has already been decided ({status}).',
  },
  'special.missing': {
    'zh-CN': '这条特价不存在，不能用于这次认购。',
    en: 'This special price does not exist and cannot be used for this subscription.',
  },
  'special.notApproved': {
    'zh-CN': '这条特价尚未批准，不能用于这次认购。',
    en: 'This special price is not approved and cannot be used for this subscription.',
  },
  'special.used': {
    'zh-CN': '这条特价已经用过一次，不能用于这次认购。',
    en: 'This special price has already been used and cannot be used for this subscription.',
  },
  'special.expired': {
    'zh-CN': '这条特价已过有效期，不能用于这次认购。',
    en: 'This special price has expired and cannot be used for this subscription.',
  },
  'special.otherDeal': {
    'zh-CN': '这条特价是为另一套房源或另一位客户批准的，不能用于这次认购。',
    en: 'This special price was approved for another unit or customer and cannot be used for this subscription.',
  },
  'special.otherMethod': {
    'zh-CN': '这条特价是按另一种付款方式批准的，不能用于这次认购。',
    en: 'This special price was approved for another payment method and cannot be used for this subscription.',
  },
  'special.pendingExists': {
    'zh-CN': '这套房源已有一条为这位客户提出、尚待审批的特价申请。',
    en: 'There is already a special-price request for this unit and customer waiting for a decision.',
  },
  'deal.notFound': { 'zh-CN': '找不到这笔成交。', en: 'No such deal.' },
  'deal.notOwner': {
    'zh-CN': '只有客户的归属顾问可以为这位客户认购；客户不在您名下时，请先认领或请经理分配。',
    en: 'Only the customer’s owner can subscribe for this customer; claim the customer or ask a manager to assign them first.',
  },
  'deal.belowQuote': {
    'zh-CN': '成交价 {price} 低于政策最低价 {quote}：请先提交特价申请，总监批准后再认购。',
    en: 'The price {price} is below the policy’s lowest, {quote}: ask for a special price and subscribe once the director approves.',
  },
  'deal.priceNotSpecial': {
    'zh-CN': '成交价 {price} 与批准的特价 {special} 不一致。',
    en: 'The price {price} is not the approved special price {special}.',
  },
  'deal.depositAbovePrice': {
    'zh-CN': '定金 {deposit} 不能高于成交价 {price}。',
    en: 'The deposit {deposit} cannot be more than the price {price}.',
  },
  'deal.signByPast': {
    'zh-CN': '签约截止日期 {signBy} 已经过去，请填写今天或以后的日期。',
    en: 'The signing deadline {signBy} has passed; give today or a later day.',
  },
  'deal.notSubscribed': {
    'zh-CN': '这笔成交现在是「{status}」，只有已认购的成交可以签约。',
    en: 'This deal is “{status}”; only a subscribed deal can be signed.',
  },
  'deal.notYoursToSign': {
    'zh-CN': '只有成交的置业顾问、销售助理、经理或总监可以签约。',
    en: 'Only the deal’s consultant, an assistant, a manager or a director can sign it.',
  },
  'deal.contractTaken': {
    'zh-CN': '合同编号 {contractNo} 在本项目已经用过，请核对合同上的编号。',
    en: 'The contract number {contractNo} is already used in this project; check the number on the contract.',
  },
  'deal.scheduleSum': {
    'zh-CN': '付款计划合计 {sum}，与成交价 {price} 不一致（相差 {diff}），请调整各期金额。',
    en: 'The payment schedule adds up to {sum}, not the price {price} (off by {diff}); adjust the instalments.',
  },
  'deal.scheduleBeforeSubscription': {
    'zh-CN': '付款计划第 {row} 期的日期 {dueOn} 早于认购日 {subscribedOn}。',
    en: 'Instalment {row} is due on {dueOn}, before the subscription on {subscribedOn}.',
  },
  'deal.signedOnFuture': {
    'zh-CN': '签约日期 {signedOn} 还没到，请填写今天或之前的日期。',
    en: 'The signing date {signedOn} is in the future; give today or an earlier day.',
  },
  'deal.signedOnBeforeSubscription': {
    'zh-CN': '签约日期 {signedOn} 早于认购日 {subscribedOn}。',
    en: 'The signing date {signedOn} is before the subscription on {subscribedOn}.',
  },
  'deal.backdateTooFar': {
    'zh-CN': '合同最多只能倒签 {days} 天（本项目设置），{signedOn} 超出了范围。',
    en: 'A contract may be dated at most {days} days back (the project’s setting); {signedOn} is further.',
  },
  'deal.backdateNeedsPermission': {
    'zh-CN': '签约日期 {signedOn} 早于今天，需要经理先批准倒签。',
    en: 'The signing date {signedOn} is before today and needs a manager’s leave first.',
  },
  'deal.closed': {
    'zh-CN': '这笔成交已经「{status}」，不能再办理。',
    en: 'This deal is “{status}” and takes nothing more.',
  },
  'deal.notSigned': {
    'zh-CN': '这笔成交还没有签约，不能登记网签。',
    en: 'This deal is not signed yet; online signing cannot be recorded.',
  },
  'deal.nothingDue': {
    'zh-CN': '这笔成交目前没有到期未付的款项，无需催款。',
    en: 'Nothing on this deal is due and unpaid; there is nothing to chase.',
  },
  'payment.overOwed': {
    'zh-CN': '收款金额 {amount} 超过了尚欠的 {owed}。',
    en: 'The amount {amount} is more than the {owed} still owed.',
  },
  'payment.paidOnFuture': {
    'zh-CN': '收款日期 {paidOn} 还没到，请填写实际收款的日期。',
    en: 'The payment date {paidOn} is in the future; give the day the money came in.',
  },
  'receipt.notFound': {
    'zh-CN': '本项目没有编号为 {receiptNo} 的收据。',
    en: 'This project has no receipt numbered {receiptNo}.',
  },
  'receipt.alreadyVoid': {
    'zh-CN': '收据 {receiptNo} 已经作废，不能再次作废。',
    en: 'The receipt {receiptNo} is already void and cannot be voided again.',
  },
  'change.notFound': { 'zh-CN': '找不到这条变更申请。', en: 'No such change request.' },
  'change.notPending': {
    'zh-CN': '这条变更申请已经处理过了。',
    en: 'This change request has already been decided.',
  },
  'change.pendingExists': {
    'zh-CN': '这笔成交已有一条待审批的变更申请，请等总监处理后再提。',
    en: 'This deal already has a change waiting for the director; wait for the decision first.',
  },
  'change.notForStatus': {
    'zh-CN': '「{status}」的成交不能{change}。',
    en: 'A deal that is “{status}” cannot take {change}.',
  },
  'change.undoLatestOnly': {
    'zh-CN': '只能撤销这笔成交最近一次已批准的变更。',
    en: 'Only the deal’s latest approved change can be undone.',
  },
  'change.sameCustomer': {
    'zh-CN': '更名后的客户与原客户相同。',
    en: 'The new buyer is the same customer.',
  },
  'change.notYours': {
    'zh-CN': '只有成交的置业顾问、销售助理、经理或总监可以申请变更。',
    en: 'Only the deal’s consultant, an assistant, a manager or a director can ask for a change.',
  },
  'paperwork.notSigned': {
    'zh-CN': '成交签约后才能办理按揭和产权手续。',
    en: 'Loan and title paperwork starts once the deal is signed.',
  },
  'paperwork.notForDeal': {
    'zh-CN': '这笔成交不是按揭付款，没有「{step}」这一步。',
    en: 'This deal is not on a mortgage and has no step “{step}”.',
  },
  'paperwork.previousFirst': {
    'zh-CN': '请先办完「{previous}」，再登记「{step}」。',
    en: 'Record “{previous}” before “{step}”.',
  },
  'paperwork.nextDone': {
    'zh-CN': '「{next}」已经登记，不能撤销之前的「{step}」。',
    en: '“{next}” is already recorded; “{step}” before it cannot be taken back.',
  },
  'paperwork.doneOnOutside': {
    'zh-CN': '办理日期 {doneOn} 应在签约日 {signedOn} 和今天之间。',
    en: 'The date {doneOn} must fall between the signing on {signedOn} and today.',
  },
  'target.notConsultant': {
    'zh-CN': '只能为本项目的置业顾问设置个人指标。',
    en: 'A personal target is for a consultant of this project.',
  },
  'report.notFound': {
    'zh-CN': '找不到这份报表，可能已被删除或不属于你的项目。',
    en: 'That report was not found, or is not of your project.',
  },
  'report.pending': {
    'zh-CN': '{date} 的日报第 {version} 版还在等待审核或提交，请先处理它。',
    en: 'Version {version} of the {date} daily report is still waiting to be signed off or submitted: deal with it first.',
  },
  'report.notPrepared': {
    'zh-CN': '这份日报{status}，不能再审核。',
    en: 'This daily report is already {status}: it cannot be signed off or returned again.',
  },
  'report.notSignedOff': {
    'zh-CN': '日报须经经理或总监审核通过后才能标记为已提交。',
    en: 'A daily report is marked submitted only after a manager or the director has signed it off.',
  },
  'report.returnNeedsComment': {
    'zh-CN': '退回日报时请写明需要修改什么。',
    en: 'Say what to change when returning a report.',
  },
  'report.future': {
    'zh-CN': '{date} 还没有到，不能准备这一天的日报。',
    en: '{date} has not come yet: its daily report cannot be prepared.',
  },
} satisfies Record<string, LocalText>

export type MessageKey = keyof typeof MESSAGES

/** A message in the reader's language, its placeholders filled (a LocalText value worded too). */
export function sentence(
  key: MessageKey,
  locale: Locale,
  params: Record<string, string | number | LocalText> = {},
): string {
  const worded = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[locale] : v]),
  )
  return fill(MESSAGES[key][locale], worded)
}
