package io.verbatim.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs heavy background work (speech recognition, decoding) at a lower OS priority than request
 * handling, so that on a small machine an upload or a page is answered at once even while every core
 * transcribes. Linux schedules each thread separately, so this lowers only the calling thread (nice 10
 * gets about a tenth of the CPU a nice 0 thread gets when both want it, and all of it when alone).
 * Where the OS refuses or is not Linux, threads keep the normal priority.
 */
public final class BackgroundPriority {

    public static final int NICENESS = 10;
    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final int SYS_GETTID = 186; // x86_64
    private static final int PRIO_PROCESS = 0;
    private static volatile boolean warned;

    private BackgroundPriority() {
    }

    interface CLibrary extends Library {
        int syscall(int number);

        int setpriority(int which, int who, int prio);
    }

    private static final class Holder {
        static final CLibrary C = load();

        private static CLibrary load() {
            try {
                return "Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch"))
                        ? Native.load("c", CLibrary.class) : null;
            } catch (Throwable e) {
                return null;
            }
        }
    }

    /** Lowers the calling thread's priority; returns whether it took effect. */
    public static boolean lowerCurrentThread() {
        CLibrary c = Holder.C;
        if (c == null) {
            return false;
        }
        int tid = c.syscall(SYS_GETTID);
        boolean ok = tid > 0 && c.setpriority(PRIO_PROCESS, tid, NICENESS) == 0;
        if (!ok && !warned) {
            warned = true;
            log.info("Could not lower the priority of background threads; they run at normal priority");
        }
        return ok;
    }

    /** A factory of daemon threads that lower their own priority before running anything. */
    public static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return work -> {
            Thread t = new Thread(() -> {
                lowerCurrentThread();
                work.run();
            }, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
