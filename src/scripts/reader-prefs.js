const d=document.documentElement.dataset;try{d.text=localStorage.getItem("bn-text")||"0";d.contrast=localStorage.getItem("bn-contrast")||""}catch{d.text="0"}
