; Included by electron-builder's NSIS installer (electron-builder.yml nsis.include).
; Registers ringdesk: links for this user at install time, so a link from the
; invitation page opens Ringdesk even before its first start, and removes the
; registration on uninstall. The command is the one Electron's
; app.setAsDefaultProtocolClient writes at every start, so the two agree.
; SHCTX is HKCU for this per-user installer.

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\ringdesk" "" "URL:Ringdesk"
  WriteRegStr SHCTX "Software\Classes\ringdesk" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\ringdesk\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHCTX "Software\Classes\ringdesk"
!macroend
