import { describe, expect, it } from 'vitest';
import { ApiProblem, fieldErrors } from '../api/problem';
import { isQuestionnaireField, onQuestionnaireFields, questionnaireBody, questionnaireForm, questionnaireFormField, unorderedLevels, type Question } from './questionnaire';

const rating: Question = { key: 'overall', kind: 'rating', text_zh: '总体满意度', text_en: 'Overall', required: true, problem_persists_on_no: false, rates: 'technician' };
const solved: Question = { key: 'solved', kind: 'yes_no', text_zh: '问题解决了吗', text_en: 'Solved?', required: true, problem_persists_on_no: true, rates: null };
const levels = [
  { level: 'very_satisfied' as const, score_milli: 1100 },
  { level: 'satisfied' as const, score_milli: 1000 },
  { level: 'neutral' as const, score_milli: 800 },
  { level: 'dissatisfied' as const, score_milli: 500 },
  { level: 'very_dissatisfied' as const, score_milli: 0 },
];

describe('the questionnaire between the form and the API', () => {
  it('shows scores in points and sends them back in thousandths, in the levels\' order', () => {
    const form = questionnaireForm({ questions: [rating, solved], levels: [...levels].reverse(), follow_up_at: 'dissatisfied' });
    expect(form.scores).toEqual({ very_satisfied: 1.1, satisfied: 1, neutral: 0.8, dissatisfied: 0.5, very_dissatisfied: 0 });
    expect(questionnaireBody(form)).toEqual({ questions: [rating, solved], levels, follow_up_at: 'dissatisfied' });
  });

  it('sends whom a question rates only for a rating and "problem persists" only for yes/no, texts trimmed', () => {
    const body = questionnaireBody({
      questions: [
        { ...solved, kind: 'text', key: ' note ', text_zh: ' 其他意见 ', rates: 'agent' },
        { ...rating, kind: 'yes_no', problem_persists_on_no: true },
      ],
      scores: { very_satisfied: 1.1, satisfied: 1, neutral: 0.8, dissatisfied: 0.5, very_dissatisfied: 0.0004 },
      follow_up_at: 'neutral',
    });
    expect(body.questions[0]).toMatchObject({ key: 'note', kind: 'text', text_zh: '其他意见', problem_persists_on_no: false, rates: null });
    expect(body.questions[1]).toMatchObject({ kind: 'yes_no', problem_persists_on_no: true, rates: null });
    expect(body.levels.at(-1)).toEqual({ level: 'very_dissatisfied', score_milli: 0 });
  });

  it('names the levels that score lower than a worse one', () => {
    expect(unorderedLevels({ very_satisfied: 1.1, satisfied: 1, neutral: 0.8, dissatisfied: 0.5, very_dissatisfied: 0 })).toEqual([]);
    expect(unorderedLevels({ very_satisfied: 1.1, satisfied: 0.7, neutral: 0.8, dissatisfied: 0.5, very_dissatisfied: undefined })).toEqual(['satisfied']);
  });

  it('puts a refused score on its level and a question\'s field on its row', () => {
    expect(questionnaireFormField('levels[3].score_milli')).toBe('scores.dissatisfied');
    expect(questionnaireFormField('questions[2].key')).toBe('questions[2].key');
    const e = new ApiProblem({
      type: 'about:blank',
      title: 'Validation failed',
      status: 422,
      code: 'validation',
      detail: '',
      errors: [
        { field: 'levels[0].score_milli', code: 'out_of_range', message: 'at most 10000' },
        { field: 'questions[1].key', code: 'duplicate', message: 'solved appears twice' },
        { field: 'levels', code: 'not_ordered', message: 'a better level must not score lower than a worse one' },
      ],
    });
    const { fields, other } = fieldErrors((onQuestionnaireFields(e) as ApiProblem).problem, isQuestionnaireField);
    expect(fields).toEqual([
      { name: ['scores', 'very_satisfied'], errors: ['at most 10000'] },
      { name: ['questions', 1, 'key'], errors: ['solved appears twice'] },
    ]);
    expect(other).toEqual(['levels: a better level must not score lower than a worse one']);
  });
});
