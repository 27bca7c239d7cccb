/**
 * The 100 most common Chinese surnames, most common first, for the surname grid: a visitor taps
 * theirs instead of typing (a kiosk has no keyboard, and most visitors find theirs on page one).
 * A rarer surname is simply skipped; the consultant asks in person.
 */
export const COMMON_SURNAMES: readonly string[] = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
)
