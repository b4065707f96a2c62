import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CardMedia } from '../../../src/features/feed/components/card-media.tsx';
import { makeArticle, summaryOf } from '../../fixtures/articles.ts';

describe('CardMedia', () => {
  it('keeps the placeholder with the provider initial when the image fails', () => {
    const article = makeArticle({
      image: { url: 'https://offline.example/a.jpg', width: 1200, height: 630 },
    });
    render(<CardMedia article={summaryOf(article, 0)} />);
    expect(screen.getByText('E')).toBeInTheDocument();
    fireEvent.error(screen.getByRole('presentation'));
    expect(screen.queryByRole('presentation')).not.toBeInTheDocument();
    expect(screen.getByText('E')).toBeInTheDocument();
  });

  it('offers to play a video instead of embedding it, over its thumbnail', () => {
    render(<CardMedia article={summaryOf(makeArticle({ title: 'Overview', videoId: 'WJk-Y8LQlfE' }), 0)} />);
    expect(screen.getByRole('button', { name: 'Play video: Overview' })).toBeInTheDocument();
    expect(screen.getByRole('presentation')).toHaveAttribute(
      'src',
      'https://i.ytimg.com/vi/WJk-Y8LQlfE/hqdefault.jpg',
    );
  });
});
