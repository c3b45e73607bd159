# Araz — two commands do all the set-up:  make lab   ·   make test
# Both create .venv from uv.lock (installing uv itself into .tools/ if it is missing).

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := .tools/bin/uv
endif
export UV_PYTHON_DOWNLOADS := never
export MPLBACKEND := Agg
VENV := .venv
STAMP := $(VENV)/.araz-synced
ARGS ?=
PORT ?= 8866
CORPUS ?=
N ?=
# JupyterLab refuses to run as root without this flag (containers, CI machines).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

# `make lab` serves the repository root (so exercises/, docs/, data/ are in the file browser) and opens
# notebook 00 in it. etc/jupyterlab/overrides.json is JupyterLab's own settings-overrides file (the
# "app settings" folder): no announcements fetched from the internet, no update check.
# tests/browser/test_first_hour.py starts JupyterLab with exactly these flags (it reads LAB_FLAGS here).
LAB_FLAGS := --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb --LabApp.app_settings_dir=etc/jupyterlab

.PHONY: env lab notebooks test brief app bench clean help serve bench-seminar

help:
	@echo "make lab    JupyterLab on the kit, opening notebooks/00_start_here.ipynb (ARGS='--no-browser --port 8899')"
	@echo "make notebooks  write every .ipynb from its Jupytext source (notebooks/*.py, exercises/solutions/*.py)"
	@echo "make test   the whole test suite: unit, notebooks, exercises, browser"
	@echo "make brief  an example briefing note (Markdown, HTML, PDF) into briefs/"
	@echo "make app    the explorer as a web page (PORT=8866 CORPUS=path)"
	@echo "make bench  benchmarks at scale (N=10000)"
	@echo "make serve  the explorer for a whole class (SERVE_PORT=8870 CORPUS=path MAX=40 IDLE=30)"
	@echo "make bench-seminar  simulated class on the server (STUDENTS=30 N=10000)"

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(STAMP): uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --all-extras --python "$(PYTHON)"
	@touch $@

env: $(STAMP)

lab: env
	@echo "Starting JupyterLab on the kit (notebooks/00_start_here.ipynb opens first); open the http://…/lab URL it prints below."
	$(VENV)/bin/jupyter lab $(LAB_FLAGS) $(ROOT_FLAG) $(ARGS)

notebooks: env
	$(VENV)/bin/python tools/build_notebooks.py

test: env
	$(VENV)/bin/python -m pytest $(ARGS)

brief: env
	$(VENV)/bin/araz brief --topic "Araghchi's December 2025 visit to Baku" --from 2025-12-01 --to 2025-12-31 --format md --out briefs/araghchi-2025-12.md
	$(VENV)/bin/araz brief --topic "Araghchi's December 2025 visit to Baku" --from 2025-12-01 --to 2025-12-31 --format html --out briefs/araghchi-2025-12.html
	$(VENV)/bin/araz brief --topic "Araghchi's December 2025 visit to Baku" --from 2025-12-01 --to 2025-12-31 --format pdf --out briefs/araghchi-2025-12.pdf
	@echo "Wrote briefs/araghchi-2025-12.{md,html,pdf}"

app: env
	$(VENV)/bin/python -m araz.app --port $(PORT) $(if $(CORPUS),--corpus "$(CORPUS)",)

bench: env
	$(VENV)/bin/python -m benchmarks $(if $(N),--n $(N),)

serve: env
	$(VENV)/bin/araz serve --port $(or $(SERVE_PORT),8870) $(if $(CORPUS),--corpus "$(CORPUS)",) $(if $(MAX),--max-visitors $(MAX),) $(if $(IDLE),--idle-timeout $(IDLE),)

bench-seminar: env
	$(VENV)/bin/python -m benchmarks.bench_seminar $(if $(N),--n $(N),) $(if $(STUDENTS),--students $(STUDENTS),)

.PHONY: bench-scale
bench-scale: env  # the Parquet store at scale (issue 19): N=100000 by default; N=1000000 takes hours
	$(VENV)/bin/python -m benchmarks.bench_scale $(if $(N),--n $(N),)

clean:
	rm -rf $(VENV) .tools .pytest_cache exports briefs benchmarks/out
