// Runs Debian's EPUBCheck (its jar: /usr/bin/epubcheck) on every file named, in one Java VM,
// which costs a tenth of starting EPUBCheck once per book. tests/test_epub.py launches it as
// `java -cp /usr/bin/epubcheck tests/EpubCheckAll.java FILE...` and reads the COUNTS lines;
// EPUBCheck's own messages go to stderr as usual.
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EpubCheckAll {
  public static void main(String[] args) {
    for (String name : args) {
      DefaultReportImpl report = new DefaultReportImpl(name);
      new EpubCheck(new File(name), report).validate();
      System.out.println("COUNTS " + report.getFatalErrorCount() + " " + report.getErrorCount() + " "
          + report.getWarningCount() + " " + name);
    }
  }
}
