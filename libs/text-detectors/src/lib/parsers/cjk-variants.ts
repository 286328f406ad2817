/**
 * Japanese (shinjitai) and traditional forms of the kanji a badge claim uses, each to its simplified form.
 * PP-OCR's Chinese recogniser reads a Japanese "正規販売店" as "正规贩壳店" and "品質保証" as "品質保证":
 * it knows the simplified glyphs best, and mixes them into Japanese words. Badge phrases and the line are
 * both folded, so one phrase matches all three writings. One character to one (all in the BMP), so
 * positions in the folded line still point at what was read.
 *
 * 壳 ("shell") is not a variant but how the recogniser reads 売 (sell, Japanese): no badge phrase
 * contains 壳, so folding it costs nothing ("手机壳" stays out of every phrase either way).
 */
const VARIANTS: Record<string, string> = {
  売: '卖', 賣: '卖', 壳: '卖', 専: '专', 專: '专', 師: '师', 気: '气', 氣: '气', 奨: '奖', 獎: '奖', 無: '无',
  済: '济', 濟: '济', 純: '纯', 膚: '肤', 規: '规', 証: '证', 證: '证', 認: '认', 販: '贩', 賞: '赏', 質: '质',
  門: '门', 間: '间', 頼: '赖', 賴: '赖', 楽: '乐', 樂: '乐', 國: '国', 選: '选', 薦: '荐', 醫: '医', 検: '检',
  檢: '检', 実: '实', 實: '实', 銷: '销', 優: '优', 権: '权', 權: '权', 評: '评', 価: '价', 價: '价', 試: '试',
  験: '验', 驗: '验', 測: '测', 産: '产', 產: '产', 業: '业', 東: '东', 網: '网', 営: '营', 營: '营', 補: '补',
  貼: '贴', 賠: '赔', 聯: '联', 経: '经', 經: '经', 終: '终', 熱: '热', 獲: '获', 舗: '铺', 鋪: '铺', 號: '号',
  団: '团', 團: '团', 単: '单', 單: '单', 総: '总', 總: '总', 軍: '军', 機: '机', 億: '亿', 両: '两', 兩: '两',
  體: '体', 標: '标', 準: '准',
};

const ANY_VARIANT = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'gu');

/** "正規販売店" → "正规贩卖店": the same length, every character where it was. */
export function foldCjkVariants(text: string): string {
  return text.replace(ANY_VARIANT, (c) => VARIANTS[c] ?? c);
}
