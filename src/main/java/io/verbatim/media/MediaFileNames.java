package io.verbatim.media;

import java.net.URI;
import java.util.Locale;

/** Names for recordings downloaded from elsewhere (provider APIs, webhook recording URLs). */
public final class MediaFileNames {

    private MediaFileNames() {
    }

    /**
     * The URL's last path segment when it is a plain file name with an extension; otherwise {@code fallback}
     * plus an extension guessed from the content type (the decoder does not need it, the player's download does).
     */
    public static String forDownload(URI uri, String contentType, String fallback) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.matches("[A-Za-z0-9._-]{1,100}\\.[A-Za-z0-9]{2,5}")) {
            return last;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String ext = type.contains("mpeg") || type.contains("mp3") ? ".mp3" : type.contains("wav") ? ".wav"
                : type.contains("ogg") ? ".ogg" : type.contains("mp4") || type.contains("m4a") ? ".m4a" : "";
        return fallback + ext;
    }
}
