# shellcheck shell=bash
# The java that eemt's scripts start: $JAVA_HOME/bin/java when JAVA_HOME is set (as Spark's own scripts choose it),
# else the first on PATH. It is put first on PATH and must be Java 17 to 22: Hadoop 3.3, under Spark 3.5, asks
# Subject.getSubject for the user, which Java 23 and later refuse. Otherwise one line and exit code 3 (the caller's
# die). Source this file after defining die(message, code); it sets java_settings (java -XshowSettings:properties).
# shellcheck disable=SC2034  # java_settings is used by the scripts that source this file
if [ -n "${JAVA_HOME:-}" ]; then
  [ -x "$JAVA_HOME/bin/java" ] || die "JAVA_HOME=$JAVA_HOME has no bin/java. Point JAVA_HOME at a Java 17 to 22 installation, or unset it to use java on PATH" 3
  PATH="$JAVA_HOME/bin:$PATH"
fi
command -v java >/dev/null 2>&1 || die "java: not found. Install Java 17 (e.g. apt-get install openjdk-17-jre-headless)" 3
java_settings=$(java -XshowSettings:properties -version 2>&1)
java_major=$(sed -n 's/^ *java.specification.version = //p' <<<"$java_settings")
java_major=${java_major%%.*}
[ "$java_major" -ge 17 ] 2>/dev/null \
  || die "java ${java_major:-of unknown version} at $(command -v java): too old. Install Java 17 (apt-get install openjdk-17-jre-headless) and put it first on PATH or in JAVA_HOME" 3
[ "$java_major" -le 22 ] \
  || die "java $java_major at $(command -v java): Spark 3.5 and Hadoop 3.3 run on Java 17 to 22 (Java 23 and later refuse Hadoop's Subject.getSubject). Set JAVA_HOME to a Java 17 or 21 installation, e.g. JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 (apt-get install openjdk-17-jre-headless)" 3
