/** The Q&A's own words around the answers (the answers are the letter's): /cauhoi, a question or part not found. */
export const qaTexts = {
  questionsNone: 'Chưa có câu hỏi nào mà bot chưa trả lời được.',
  questionsTitle: 'Các câu hỏi bot chưa trả lời chắc chắn (nhiều nhất trước):',
  questionsLine: (i: number, sample: string, count: number) => `${i}. "${sample}" — ${count} lần`,
  questionGone: 'Không tìm thấy câu hỏi này. Bạn hãy gõ lại câu hỏi nhé.',
  partGone: 'Không tìm thấy mục này. Gõ /vanban để xem lại.',
};
