import type { Rng } from '../rng';

// The demo office is a county in northern Jiangsu (苏北); names follow that region's mix.

/** Common surnames, the most frequent listed more than once so they come up more often. */
// prettier-ignore
const SURNAMES = [
	'王', '王', '王', '李', '李', '李', '张', '张', '张', '刘', '刘', '陈', '陈', '杨', '杨',
	'黄', '赵', '吴', '周', '徐', '徐', '孙', '孙', '马', '朱', '朱', '胡', '郭', '何', '高',
	'林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖',
	'田', '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁',
	'任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾',
	'夏', '韦', '付', '方', '邹', '孟', '熊', '秦', '邱', '侯', '江', '尹', '薛', '闫', '段',
	'葛', '仲', '卞', '颜', '季', '陶', '单', '满'
] as const;

/** Characters of given names, by the sound parents usually pick for a boy or a girl. */
// prettier-ignore
const GIVEN_MALE = [
	'伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '刚', '建', '国', '文', '辉',
	'鹏', '飞', '宇', '浩', '俊', '峰', '波', '凯', '亮', '成', '海', '志', '新', '庆', '立',
	'东', '林', '永', '博', '睿', '昊', '泽', '铭', '航', '斌', '龙', '兵', '忠', '华', '平',
	'晨', '嘉', '翔'
] as const;
// prettier-ignore
const GIVEN_FEMALE = [
	'芳', '娜', '敏', '静', '丽', '艳', '娟', '秀', '霞', '桂', '英', '玲', '红', '燕', '萍',
	'婷', '雪', '琳', '欣', '佳', '莉', '倩', '颖', '兰', '梅', '春', '翠', '玉', '凤', '晓',
	'丹', '雯', '蕾', '慧', '楠', '怡', '思', '雨', '瑶', '悦', '诗', '月', '洁', '璐', '媛',
	'琴', '宁', '华', '平'
] as const;

/** A realistic full name; `taken` keeps names unique so search results are unambiguous. */
export function drawName(rng: Rng, taken: Set<string>): string {
	for (;;) {
		const pool = rng.next() < 0.55 ? GIVEN_FEMALE : GIVEN_MALE;
		const surname = rng.pick(SURNAMES);
		const given = rng.next() < 0.3 ? rng.pick(pool) : rng.pick(pool) + rng.pick(pool);
		const name = surname + given;
		// A doubled character (李娜娜) is common; the same character as the surname is not.
		if (!taken.has(name) && !given.includes(surname)) {
			taken.add(name);
			return name;
		}
	}
}

/** The 23 rural branches: township (乡镇) post and savings offices. 小湖 is named in the sources. */
// prettier-ignore
export const RURAL_TOWNS = [
	'小湖', '张集', '王集', '新河', '高作', '双沟', '岔河', '官湖', '土山', '八集', '李集', '姚集',
	'凌城', '邱集', '魏集', '庆安', '沙集', '梁集', '桃园', '黄圩', '大兴', '马陵', '古邳'
] as const;

/** The 7 urban branches, named after the county town's streets and districts. */
// prettier-ignore
export const URBAN_NAMES = [
	'人民路', '解放路', '建设路', '文化路', '新华路', '城东', '开发区'
] as const;

/** The 3 agency offices (代办所), in villages without a full branch. */
// prettier-ignore
export const AGENCY_VILLAGES = ['王庄', '河湾', '刘圩'] as const;
