import { Field, Input, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  input: { minWidth: 0, width: "100%" },
});

/**
 * A labelled field for a number typed the Swedish way ("1 250 000", "0,2"): the pane's keypad hint, the
 * pane's width, and its problem in words under it when `problem` is given.
 */
export function NumberField(props: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  problem?: string | undefined;
  /** Marks the field as wrong without words (a staircase step: the note below says why). */
  invalid?: boolean;
  whole?: boolean;
  placeholder?: string;
}) {
  const styles = useStyles();
  const wrong = props.problem !== undefined || props.invalid === true;
  return (
    <Field
      label={props.label}
      validationState={wrong ? "error" : "none"}
      {...(props.problem !== undefined ? { validationMessage: props.problem } : {})}
    >
      <Input
        className={styles.input}
        inputMode={props.whole ? "numeric" : "decimal"}
        value={props.value}
        {...(props.placeholder ? { placeholder: props.placeholder } : {})}
        onChange={(_, data) => props.onChange(data.value)}
      />
    </Field>
  );
}
