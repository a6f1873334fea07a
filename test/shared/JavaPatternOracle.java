// The Java side of test/shared/java-pattern.test.ts: java.util.regex itself, as the AWS
// services that own botocore's patterns run it. Run in source-file mode (JDK 11+):
//   java test/shared/JavaPatternOracle.java < cases
// Input, one case a line: base64(pattern) then base64(subject)... separated by spaces.
// Output, one line a case: "E" when Pattern.compile rejects the pattern, else one character a
// subject: 1/0 for Matcher.find() (JSON Schema and Smithy patterns are unanchored), or "U" when
// the subject holds a code point this JDK's Unicode version leaves unassigned (JDK 17 has
// Unicode 13, Node 20 has 15: their \p{L} differ on those, whatever the translation).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public class JavaPatternOracle {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Base64.Decoder b64 = Base64.getDecoder();
    StringBuilder out = new StringBuilder();
    for (String line; (line = in.readLine()) != null; ) {
      String[] parts = line.split(" ", -1);
      Pattern pattern;
      try {
        pattern = Pattern.compile(new String(b64.decode(parts[0]), StandardCharsets.UTF_8));
      } catch (PatternSyntaxException e) {
        out.append("E\n");
        continue;
      }
      for (int i = 1; i < parts.length; i++) {
        String subject = new String(b64.decode(parts[i]), StandardCharsets.UTF_8);
        boolean unassigned = subject.codePoints().anyMatch(cp -> Character.getType(cp) == Character.UNASSIGNED);
        out.append(unassigned ? 'U' : pattern.matcher(subject).find() ? '1' : '0');
      }
      out.append('\n');
    }
    System.out.print(out);
  }
}
