// The callback questionnaire (回访问卷), kept by the administrator: the questions in the order
// the callback desk asks them (a key the answers refer to, the kind of answer, the texts in
// Chinese and English, whether it must be answered, whom a rating scores and whether a "no"
// means the problem persists), each level's score and the level at or below which a rating
// needs a follow-up. Saved as a new version at the version read; answers keep the version
// they were given against.
import { Alert, Button, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { duplicates } from './admin';
import { isQuestionnaireField, LEVELS, onQuestionnaireFields, QUESTION_KEY, questionnaireBody, questionnaireForm, QUESTIONNAIRE_LIMITS, unorderedLevels, type QuestionnaireValues } from './questionnaire';
import { SaveBar, SaveError, SettingFrame, useReplacedSetting } from './settingParts';

const KINDS = ['yes_no', 'rating', 'text'] as const;

/** The questionnaire's page. */
export function QuestionnaireSetting() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<QuestionnaireValues>();
  const s = useReplacedSetting(
    'questionnaire',
    () => must(api.GET('/api/v1/questionnaire')),
    async (version, v: QuestionnaireValues) => {
      try {
        const saved = await must(api.POST('/api/v1/questionnaire', { params: { header: { 'If-Match': `"${version}"` } }, body: questionnaireBody(v) }));
        // The callback desk reads the questionnaire under its own key.
        void qc.invalidateQueries({ queryKey: ['questionnaire'] });
        return saved;
      } catch (e) {
        throw onQuestionnaireFields(e);
      }
    },
    form,
    isQuestionnaireField,
    questionnaireForm,
  );
  const questions = (Form.useWatch('questions', form) ?? []).filter(Boolean);
  const scores = Form.useWatch('scores', form);
  const dup = duplicates(
    questions.filter((q) => q.key),
    (q) => q.key.trim(),
  );
  const unordered = scores ? unorderedLevels(scores) : [];
  const text = [
    { required: true, whitespace: true, message: t('common:required') },
    { max: QUESTIONNAIRE_LIMITS.text, message: t('common:tooLong', { max: QUESTIONNAIRE_LIMITS.text }) },
  ];
  const level = (l: string) => t(`calls:questionnaire.levels.${l}`);
  return (
    <SettingFrame name="questionnaire" version={s.version}>
      <Form form={form} name="questionnaire" layout="vertical" onFinish={(v) => void s.save(v)} disabled={s.query.isLoading}>
        <SaveError error={s.error} />
        {dup.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('admin:settings.duplicate', { keys: dup.join(', ') })} />}
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {t('admin:settings.questionnaire.questions')}
        </Typography.Title>
        <Form.List
          name="questions"
          rules={[
            {
              validator: (_r, v: unknown[] | undefined) =>
                (v ?? []).length >= 1 && (v ?? []).length <= QUESTIONNAIRE_LIMITS.questions ? Promise.resolve() : Promise.reject(new Error(t('admin:settings.questionnaire.count', { max: QUESTIONNAIRE_LIMITS.questions }))),
            },
          ]}
        >
          {(fields, ops, { errors }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f, i) => {
                const label = t('admin:settings.questionnaire.question', { n: i + 1 });
                const kind = questions[i]?.kind;
                return (
                  <fieldset key={f.key} data-testid="question-row" style={{ border: '1px solid rgba(5, 5, 5, 0.06)', borderRadius: 8, padding: '8px 12px 0', margin: 0 }}>
                    <legend style={{ fontSize: 14, fontWeight: 600, width: 'auto', border: 0, margin: 0, padding: '0 4px' }}>{label}</legend>
                    <Space align="start" wrap>
                      <Form.Item name={[f.name, 'key']} label={t('admin:settings.questionnaire.key')} rules={[{ required: true, message: t('common:required') }, { pattern: QUESTION_KEY, message: t('admin:settings.questionnaire.keyShape') }]}>
                        <Input style={{ width: 150 }} autoComplete="off" data-testid="question-key" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'kind']} label={t('admin:settings.questionnaire.kind')} rules={[{ required: true, message: t('common:required') }]}>
                        <Select style={{ width: 130 }} options={KINDS.map((k) => ({ value: k, label: t(`admin:settings.questionnaire.kinds.${k}`) }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'text_zh']} label={t('admin:settings.questionnaire.textZh')} rules={text}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} lang="zh-CN" style={{ width: 240 }} data-testid="question-text-zh" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'text_en']} label={t('admin:settings.questionnaire.textEn')} rules={text}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} lang="en" style={{ width: 240 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'required']} label={t('admin:settings.questionnaire.required')} valuePropName="checked">
                        <Switch />
                      </Form.Item>
                      {kind === 'rating' && (
                        <Form.Item name={[f.name, 'rates']} label={t('admin:settings.questionnaire.rates')}>
                          <Select allowClear placeholder={t('admin:settings.questionnaire.ratesNobody')} style={{ width: 130 }} options={(['technician', 'agent'] as const).map((r) => ({ value: r, label: t(`admin:settings.questionnaire.rated.${r}`) }))} />
                        </Form.Item>
                      )}
                      {kind === 'yes_no' && (
                        <Form.Item name={[f.name, 'problem_persists_on_no']} label={t('admin:settings.questionnaire.problemPersistsOnNo')} valuePropName="checked">
                          <Switch />
                        </Form.Item>
                      )}
                      <Form.Item label={<span aria-hidden>{'\u00a0'}</span>}>
                        <Space.Compact>
                          <Button aria-label={`${t('admin:settings.rules.up')} · ${label}`} icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => ops.move(i, i - 1)} />
                          <Button aria-label={`${t('admin:settings.rules.down')} · ${label}`} icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => ops.move(i, i + 1)} />
                          <Button aria-label={`${t('admin:settings.remove')} · ${label}`} icon={<DeleteOutlined />} onClick={() => ops.remove(i)} />
                        </Space.Compact>
                      </Form.Item>
                    </Space>
                  </fieldset>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => ops.add({ key: '', kind: 'rating', text_zh: '', text_en: '', required: true, problem_persists_on_no: false, rates: null })} data-testid="add-question">
                {t('admin:settings.questionnaire.add')}
              </Button>
            </Space>
          )}
        </Form.List>
        <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
          {t('admin:settings.questionnaire.scores')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('admin:settings.questionnaire.scoresHelp')}</Typography.Paragraph>
        {unordered.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('admin:settings.questionnaire.unordered', { levels: unordered.map(level).join('、') })} />}
        <Space align="start" wrap>
          {LEVELS.map((l) => (
            <Form.Item
              key={l}
              name={['scores', l]}
              label={level(l)}
              rules={[
                { required: true, message: t('common:required') },
                { type: 'number', min: 0, max: QUESTIONNAIRE_LIMITS.score, message: t('admin:settings.questionnaire.scoreRange', { max: QUESTIONNAIRE_LIMITS.score }) },
              ]}
            >
              <InputNumber step={0.1} precision={3} style={{ width: 110 }} data-testid={`score-${l}`} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="follow_up_at" label={t('admin:settings.questionnaire.followUpAt')} extra={t('admin:settings.questionnaire.followUpHelp')} rules={[{ required: true, message: t('common:required') }]}>
          <Select style={{ width: 160 }} options={LEVELS.map((l) => ({ value: l, label: level(l) }))} />
        </Form.Item>
        <SaveBar busy={s.busy} onReset={s.reset} testId="questionnaire" />
      </Form>
    </SettingFrame>
  );
}
