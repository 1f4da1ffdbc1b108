@echo off
rem tpsearch on Windows: runs the CLI from this distribution (bin\ + lib\) with a JDK 21 or newer,
rem from %TPSEARCH_JAVA_HOME%, else %JAVA_HOME%, else java on the PATH.
setlocal
set "LIB=%~dp0..\lib"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
if defined TPSEARCH_JAVA_HOME set "JAVA=%TPSEARCH_JAVA_HOME%\bin\java.exe"
set "FLAGS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m"
if /i "%~1"=="index" set "FLAGS=-Xss4m"
if /i "%~1"=="lint" set "FLAGS=-Xss4m"
if /i "%~1"=="serve" set "FLAGS=-Xss4m"
if /i "%~1"=="shell" set "FLAGS=-Xss4m"
"%JAVA%" %FLAGS% --enable-native-access=ALL-UNNAMED %TPSEARCH_JAVA_OPTS% -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -cp "%LIB%\*" org.tpsearch.cli.Main %*
exit /b %ERRORLEVEL%
