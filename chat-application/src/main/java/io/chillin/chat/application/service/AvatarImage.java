package io.chillin.chat.application.service;

import io.chillin.chat.domain.user.Username;

/** A generated avatar: the name's initials on a colour derived from the name, as SVG. No outside service. */
public final class AvatarImage {

    private AvatarImage() {
    }

    public static String svg(Username name) {
        int hue = Math.floorMod(name.key().hashCode() * 37, 360);
        String initials = initials(name.value());
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\" role=\"img\""
                + " aria-label=\"" + initials + "\">"
                + "<rect width=\"64\" height=\"64\" rx=\"32\" fill=\"hsl(" + hue + ",55%,45%)\"/>"
                + "<text x=\"32\" y=\"33\" dy=\".35em\" text-anchor=\"middle\" font-family=\"system-ui,sans-serif\""
                + " font-size=\"26\" font-weight=\"600\" fill=\"#fff\">" + initials + "</text></svg>";
    }

    /** Up to two letters: the first of the name and the first after a separator, else the second. Names hold no markup characters. */
    public static String initials(String name) {
        int[] cps = name.codePoints().filter(Character::isLetterOrDigit).toArray();
        if (cps.length == 0) {
            return "?";
        }
        int second = -1;
        String[] parts = name.replaceFirst("^[_-]+", "").split("[_-]+");
        if (parts.length > 1 && !parts[1].isEmpty()) {
            second = parts[1].codePointAt(0);
        } else if (cps.length > 1) {
            second = cps[1];
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(Character.toUpperCase(cps[0]));
        if (second >= 0 && Character.isLetterOrDigit(second)) {
            sb.appendCodePoint(parts.length > 1 ? Character.toUpperCase(second) : second);
        }
        return sb.toString();
    }
}
