import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CardMedia } from '../../../src/features/feed/components/card-media.tsx';
import { makeArticle } from '../../fixtures/articles.ts';

describe('CardMedia', () => {
  it('keeps the placeholder with the provider initial when the image fails', () => {
    const article = makeArticle({
      image: { url: 'https://offline.example/a.jpg', width: 1200, height: 630 },
    });
    const { container } = render(<CardMedia article={article} />);
    const poster = container.querySelector('.card-media-poster');
    expect(poster).toHaveAttribute('data-image', 'shown');
    fireEvent.error(container.querySelector('img') as HTMLImageElement);
    expect(poster).toHaveAttribute('data-image', 'missing');
    expect(container.querySelector('.card-media-placeholder')).toHaveTextContent('E');
  });

  it('offers to play a video instead of embedding it', () => {
    render(<CardMedia article={makeArticle({ title: 'Overview', videoId: 'WJk-Y8LQlfE' })} />);
    expect(screen.getByRole('button', { name: 'Play video: Overview' })).toBeInTheDocument();
  });
});
