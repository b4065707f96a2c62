import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { VideoEmbed } from '../../src/components/video-embed.tsx';

describe('VideoEmbed', () => {
  it('loads nothing from the video host until the reader presses play', async () => {
    const user = userEvent.setup();
    render(<VideoEmbed videoId="WJk-Y8LQlfE" title="Release overview" poster={<p>poster</p>} />);
    expect(screen.getByText('poster')).toBeInTheDocument();
    expect(screen.queryByTitle('Video: Release overview')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Play video: Release overview' }));
    const frame = screen.getByTitle('Video: Release overview');
    expect(frame).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/WJk-Y8LQlfE?autoplay=1');
    expect(frame).toHaveAttribute(
      'sandbox',
      'allow-scripts allow-same-origin allow-presentation allow-popups',
    );
    expect(screen.queryByText('poster')).not.toBeInTheDocument();
  });
});
