package dev.courseline.notification.template;

/**
 * Makes text safe for a mail header such as the subject: a CR or LF from a user could otherwise start a header of
 * their own. Control characters become spaces, runs of whitespace collapse, and the result is capped in length.
 */
public final class HeaderText {

    private static final int MAX_LENGTH = 200;

    private HeaderText() {
    }

    public static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder cleaned = new StringBuilder(value.length());
        boolean lastWasSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c)
                    || c == '\u2028' || c == '\u2029';
            if (space) {
                if (!lastWasSpace) {
                    cleaned.append(' ');
                }
            } else {
                cleaned.append(c);
            }
            lastWasSpace = space;
        }
        String result = cleaned.toString().trim();
        return result.length() <= MAX_LENGTH ? result : result.substring(0, MAX_LENGTH - 1).trim() + "…";
    }
}
