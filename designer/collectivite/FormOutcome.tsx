/**
 * What came of a submitted form: the refusal as an alert (read out at once, the admin
 * must act) and the success as a status (read out politely), each in the studio's
 * message styles. Either may be absent; nothing is drawn for an empty one.
 *
 * @example
 * <FormOutcome refusal={refusal?.message} done={done} />
 */
export function FormOutcome({
  refusal,
  done,
}: {
  refusal?: string | null | undefined;
  done?: string | undefined;
}) {
  return (
    <>
      {refusal ? (
        <p role="alert" className="message-erreur">
          {refusal}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="message-succes">
          {done}
        </p>
      ) : null}
    </>
  );
}
