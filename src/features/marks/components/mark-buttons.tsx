type MarkButtonsProps = {
  read: boolean;
  saved: boolean;
  onToggleRead: () => void;
  onToggleSaved: () => void;
  /** The id of the card's title: what each button is about. */
  describedBy: string;
};

/** A card's "Mark as read" and "Save" buttons. */
export function MarkButtons({ read, saved, onToggleRead, onToggleSaved, describedBy }: MarkButtonsProps) {
  return (
    <>
      <button type="button" className="card-button" aria-describedby={describedBy} onClick={onToggleRead}>
        {read ? 'Mark as unread' : 'Mark as read'}
      </button>
      <button
        type="button"
        className="card-button"
        aria-pressed={saved}
        aria-describedby={describedBy}
        onClick={onToggleSaved}
      >
        <span aria-hidden="true">{saved ? '★' : '☆'}</span> Save
      </button>
    </>
  );
}
