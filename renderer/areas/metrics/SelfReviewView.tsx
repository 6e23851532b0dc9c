/**
 * The PMO's own quarterly self-review (continuous evolution): each question scored 1 (not at all)
 * to 5 (fully) with a note, questions of the PMO's own beside the built-in ones, every answer
 * stored as it is given (one undo step each); the past reviews as a trend per question; and the
 * metrics nobody opened or used in a decision since the last review, as candidates to retire.
 */
import { useId, useMemo, useState } from 'react';
import {
  SELF_REVIEW_QUESTIONS,
  retireCandidates,
  selfReviewTrend,
  type RetireCandidate,
  type SelfReviewTrend,
} from '../../../shared/metrics/self-review';
import type { MetricsReport, SelfReview } from '../../../shared/metrics/types';
import type { Portfolio } from '../../../shared/portfolio/types';
import { askUser } from '../../components/dialogs';
import { formatDay, formatNumber, localToday } from '../../format';
import { useAppStore } from '../../state/store';
import { Direction } from './metric-parts';
import {
  addSelfReview,
  deleteSelfReview,
  refusal,
  setSelfReviewAnswer,
  updateSelfReview,
} from './metrics-edits';
import { readMetricUsage } from './metric-usage';

export const SCORE_WORDS: Readonly<Record<number, string>> = {
  1: 'Not at all',
  2: 'A little',
  3: 'Partly',
  4: 'Mostly',
  5: 'Fully',
};

type Question = { readonly id: string; readonly question: string; readonly hint?: string };

/** The reviews by date, oldest first (the file's order among those of one day). */
function byDate(reviews: readonly SelfReview[]): SelfReview[] {
  return reviews
    .map((review, index) => ({ review, index }))
    .sort((a, b) =>
      a.review.date < b.review.date ? -1 : a.review.date > b.review.date ? 1 : a.index - b.index,
    )
    .map(({ review }) => review);
}

/** The questions to ask: the built-in ones, then every question of the PMO's own asked before. */
function questionsOf(reviews: readonly SelfReview[], added: readonly Question[]): Question[] {
  const questions: Question[] = SELF_REVIEW_QUESTIONS.map((question) => ({
    id: question.id,
    question: question.question,
    hint: question.hint,
  }));
  const known = new Set(questions.map((question) => question.id));
  for (const review of byDate(reviews)) {
    for (const answer of review.answers) {
      if (known.has(answer.questionId)) continue;
      known.add(answer.questionId);
      questions.push({ id: answer.questionId, question: answer.question });
    }
  }
  for (const question of added) {
    if (!known.has(question.id)) {
      known.add(question.id);
      questions.push(question);
    }
  }
  return questions;
}

/** A custom question's id from its words: `custom-` and a slug, unique among `taken`. */
function customId(text: string, taken: ReadonlySet<string>): string {
  const slug =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'question';
  let id = `custom-${slug}`;
  for (let n = 2; taken.has(id); n += 1) id = `custom-${slug}-${n}`;
  return id;
}

function QuestionField({
  review,
  question,
}: {
  readonly review: SelfReview;
  readonly question: Question;
}) {
  const ids = useId();
  const notify = useAppStore((state) => state.notify);
  const answer = review.answers.find((entry) => entry.questionId === question.id);
  const [note, setNote] = useState(answer?.note ?? '');
  // The score chosen shows at once, before it is stored; the stored one again once it is.
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const [shown, setShown] = useState(answer);
  if (shown !== answer) {
    setShown(answer);
    setChosen(undefined);
    if (shown?.note !== answer?.note) setNote(answer?.note ?? '');
  }
  const score = chosen ?? answer?.score;

  const store = (score: number | undefined, text: string) => {
    void setSelfReviewAnswer(review.id, {
      questionId: question.id,
      question: answer?.question ?? question.question,
      score,
      ...(text.trim() !== '' && { note: text.trim() }),
    }).then((result) => {
      const problem = refusal(result, 'The answer was not stored.');
      if (problem) {
        setChosen(undefined);
        notify('error', problem);
      }
    });
  };

  return (
    <fieldset className="self-review__question" data-question={question.id}>
      <legend>{question.question}</legend>
      {question.hint && (
        <p className="self-review__hint" id={`${ids}-hint`}>
          A 5 looks like this: {question.hint}
        </p>
      )}
      <div
        className="self-review__scores"
        role="radiogroup"
        aria-label={`Score: ${question.question}`}
      >
        {[1, 2, 3, 4, 5].map((value) => (
          <label key={value} className="self-review__score">
            <input
              type="radio"
              name={`${ids}-score`}
              value={value}
              checked={score === value}
              onChange={() => {
                setChosen(value);
                store(value, note);
              }}
            />
            <span className="self-review__score-number">{value}</span>
            <span className="self-review__score-word">{SCORE_WORDS[value]}</span>
          </label>
        ))}
      </div>
      <div className="field self-review__note">
        <label className="field__label" htmlFor={`${ids}-note`}>
          Note
        </label>
        <input
          id={`${ids}-note`}
          type="text"
          value={note}
          placeholder={
            score === undefined ? 'Score the question first' : 'Why this score, what would raise it'
          }
          // Open as soon as a score is chosen, before it is stored: what is typed is not lost.
          disabled={score === undefined}
          onChange={(event) => setNote(event.target.value)}
          onBlur={() => {
            if (score !== undefined && note.trim() !== (answer?.note ?? '')) store(score, note);
          }}
        />
      </div>
    </fieldset>
  );
}

function TrendTable({
  trend,
  reviews,
}: {
  readonly trend: SelfReviewTrend;
  readonly reviews: readonly SelfReview[];
}) {
  if (reviews.length === 0) return null;
  const dates = trend.overall;
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact self-review__trend">
        <caption className="metric-detail__caption">
          Scores across self-reviews, oldest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            {dates.map((entry) => (
              <th key={entry.reviewId} scope="col" className="num">
                {formatDay(entry.date)}
              </th>
            ))}
            <th scope="col">Latest change</th>
          </tr>
        </thead>
        <tbody>
          {trend.questions.map((question) => (
            <tr key={question.questionId}>
              <th scope="row">{question.question}</th>
              {dates.map((entry) => {
                const point = question.points.find((p) => p.reviewId === entry.reviewId);
                return (
                  <td key={entry.reviewId} className="num">
                    {point ? (
                      <span className={`self-review__cell self-review__cell--${point.score}`}>
                        {point.score}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                );
              })}
              <td>
                <Direction direction={question.direction} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Mean score</th>
            {dates.map((entry) => (
              <td key={entry.reviewId} className="num">
                {entry.mean === undefined ? '—' : formatNumber(entry.mean, 1)}
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function RetireList({ candidates }: { readonly candidates: readonly RetireCandidate[] }) {
  if (candidates.length === 0) {
    return (
      <p className="self-review__none">
        Every metric was opened or named in a decision since the last self-review.
      </p>
    );
  }
  return (
    <ul className="self-review__retire">
      {candidates.map((candidate) => (
        <li key={candidate.id}>
          <strong>{candidate.name}</strong> — {candidate.reason}
        </li>
      ))}
    </ul>
  );
}

export function SelfReviewView({
  portfolio,
  report,
}: {
  readonly portfolio: Portfolio;
  readonly report: MetricsReport;
}) {
  const ids = useId();
  const notify = useAppStore((state) => state.notify);
  const reviews = useMemo(() => byDate(portfolio.selfReviews ?? []), [portfolio.selfReviews]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [added, setAdded] = useState<readonly Question[]>([]);
  const [newQuestion, setNewQuestion] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const review = reviews.find((entry) => entry.id === chosenId) ?? reviews.at(-1);
  const questions = useMemo(() => questionsOf(reviews, added), [reviews, added]);
  const trend = useMemo(() => selfReviewTrend(reviews), [reviews]);
  const today = localToday();
  // The candidates are counted since the review before the open one was taken: the open one is
  // the review they are being considered in.
  const previous = review ? reviews[reviews.indexOf(review) - 1] : reviews.at(-1);
  const since = review ? previous?.date : reviews.at(-1)?.date;
  const candidates = useMemo(
    () => retireCandidates(report, readMetricUsage(), since, portfolio.decisions ?? []),
    [report, since, portfolio.decisions],
  );
  const [notes, setNotes] = useState(review?.notes ?? '');
  const [shownNotes, setShownNotes] = useState({ id: review?.id, notes: review?.notes });
  if (shownNotes.id !== review?.id || shownNotes.notes !== review?.notes) {
    setShownNotes({ id: review?.id, notes: review?.notes });
    setNotes(review?.notes ?? '');
  }

  const start = async () => {
    const existing = reviews.find((entry) => entry.date === today);
    if (existing) {
      setChosenId(existing.id);
      return;
    }
    const result = await addSelfReview(today);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    setChosenId(result.id);
    notify(
      'success',
      `Started the self-review of ${formatDay(today)}. Each answer is stored as you give it.`,
    );
  };

  const remove = async () => {
    if (!review) return;
    const choice = await askUser({
      title: `Delete the self-review of ${formatDay(review.date)}?`,
      body: 'Its scores and notes go, and its column leaves the trend. You can undo this with Ctrl+Z.',
      actions: [
        { id: 'delete', label: 'Delete self-review', primary: true },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice !== 'delete') return;
    const result = await deleteSelfReview(review.id);
    const refused = refusal(result, 'The self-review was not deleted.');
    if (refused) setProblem(refused);
    else setChosenId(null);
  };

  const addQuestion = () => {
    const text = newQuestion.trim();
    if (text === '') {
      setProblem('Write the question first, then add it.');
      return;
    }
    if (questions.some((question) => question.question.toLowerCase() === text.toLowerCase())) {
      setProblem(`“${text}” is already asked.`);
      return;
    }
    const id = customId(text, new Set(questions.map((question) => question.id)));
    setAdded([...added, { id, question: text }]);
    setNewQuestion('');
    setProblem(null);
  };

  const answered = review?.answers.length ?? 0;

  return (
    <div className="self-review">
      <div className="self-review__intro">
        <p>
          Once a quarter the PMO asks itself whether its cadences are still relevant, whether it
          tracks what matters and whether it has a seat at the table. Score each question from 1
          (not at all) to 5 (fully) and say why in a line; the trend shows whether the PMO is
          getting better.
        </p>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => void start()}>
            {reviews.some((entry) => entry.date === today)
              ? 'Open today’s self-review'
              : 'Start a self-review today'}
          </button>
          {reviews.length > 1 && (
            <div className="field field--inline self-review__pick">
              <label htmlFor={`${ids}-pick`} className="field__label">
                Self-review of
              </label>
              <select
                id={`${ids}-pick`}
                value={review?.id ?? ''}
                onChange={(event) => setChosenId(event.target.value)}
              >
                {reviews.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {formatDay(entry.date)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        {problem && (
          <p className="field__error" role="alert">
            {problem}
          </p>
        )}
      </div>

      {!review ? (
        <div className="empty-state">
          <p className="empty-state__lead">No self-review yet.</p>
          <p>
            Start one above: {questions.length} questions, a few minutes. Take the next one at the
            start of each quarter, before the quarterly portfolio review.
          </p>
        </div>
      ) : (
        <section className="card self-review__form" aria-labelledby={`${ids}-title`}>
          <div className="card__header">
            <h3 id={`${ids}-title`}>Self-review of {formatDay(review.date)}</h3>
            <p className="self-review__progress">
              {answered} of {questions.length} answered
            </p>
          </div>
          {questions.map((question) => (
            <QuestionField
              key={`${review.id}-${question.id}`}
              review={review}
              question={question}
            />
          ))}
          <div className="self-review__add">
            <div className="field">
              <label htmlFor={`${ids}-new`} className="field__label">
                A question of your own
              </label>
              <input
                id={`${ids}-new`}
                type="text"
                value={newQuestion}
                placeholder="Do sponsors read the board pack before the meeting?"
                onChange={(event) => setNewQuestion(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    addQuestion();
                  }
                }}
              />
              <p className="field__hint">
                It is kept once scored, and asked again in later reviews.
              </p>
            </div>
            <button type="button" className="button" onClick={addQuestion}>
              Add question
            </button>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-notes`} className="field__label">
              Notes on this review
            </label>
            <textarea
              id={`${ids}-notes`}
              rows={3}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              onBlur={() => {
                if (notes.trim() === (review.notes ?? '')) return;
                void updateSelfReview(review.id, { notes: notes.trim() || undefined }).then(
                  (result) => {
                    const refused = refusal(result, 'The notes were not stored.');
                    if (refused) setProblem(refused);
                  },
                );
              }}
            />
          </div>
          <div className="button-row">
            <button type="button" className="button button--danger" onClick={() => void remove()}>
              Delete this self-review…
            </button>
          </div>
        </section>
      )}

      <section className="self-review__section" aria-labelledby={`${ids}-trend`}>
        <h3 id={`${ids}-trend`}>Trend</h3>
        {reviews.length < 2 ? (
          <p className="self-review__none">
            {reviews.length === 0
              ? 'The trend shows from the second self-review on.'
              : 'One self-review so far: the trend shows from the second on.'}
          </p>
        ) : null}
        <TrendTable trend={trend} reviews={reviews} />
      </section>

      <section className="self-review__section" aria-labelledby={`${ids}-retire`}>
        <h3 id={`${ids}-retire`}>Candidates to retire</h3>
        <p className="self-review__lead">
          Metrics nobody opened in Trends or named in a decision
          {since ? ` since the self-review of ${formatDay(since)}` : ' yet'}. Keep a metric only if
          someone acts on it.
        </p>
        <RetireList candidates={candidates} />
      </section>
    </div>
  );
}
